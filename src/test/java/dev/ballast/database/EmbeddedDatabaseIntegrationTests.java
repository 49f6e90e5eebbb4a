package dev.ballast.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ballast.BallastApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL as a user meets it: a first start migrates an empty database, data
 * survives a restart, and a second Ballast on the same data directory is refused plainly.
 */
class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path home;

	@Test
	void migratesFromEmptyAndKeepsDataAcrossRestart() {
		Path data = this.home.resolve("postgres");
		try (ConfigurableApplicationContext first = start(data)) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
				.isGreaterThanOrEqualTo(2);
			jdbc.update("insert into cluster (name, display_name, source, created_at, created_by) "
					+ "values ('kept', 'Kept across restarts', 'MANIFESTS', now(), 'test')");
		}
		assertThat(data.resolve("PG_VERSION")).exists();
		try (ConfigurableApplicationContext second = start(data)) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select display_name from cluster where name = 'kept'", String.class))
				.isEqualTo("Kept across restarts");
		}
	}

	@Test
	void refusesASecondInstanceOnTheSameDataDirectory() {
		Path data = this.home.resolve("shared");
		try (ConfigurableApplicationContext running = start(data)) {
			assertThatThrownBy(() -> start(data).close()).satisfies((failure) -> {
				Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
				assertThat(root).isInstanceOf(EmbeddedDatabaseInUseException.class);
				FailureAnalysis analysis = new EmbeddedDatabaseInUseFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Another Ballast is already running")
					.contains(data.toString());
				assertThat(analysis.getAction()).contains("ballast.database.embedded.data-directory");
			});
			// the running instance is unharmed
			assertThat(running.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class)).isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(BallastApplication.class).run("--server.port=0",
				"--ballast.database.embedded.data-directory=" + data, "--ballast.database.embedded.temporary=false",
				"--spring.main.banner-mode=off");
	}

}
