package dev.ballast.scan;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ballast.scan.internal.ScanJobs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away in the middle of a scan (connections refused, open ones cut), with a
 * real PostgreSQL: nothing of the scan is written, and once the database is back the scan is
 * recorded as failed; the scan that landed before is untouched. The scan is held in its snapshot
 * phase by reading its manifests from a named pipe that the test writes when it is ready.
 */
@SpringBootTest(properties = { "ballast.demo=true", "ballast.scan.heartbeat=200ms", "ballast.scan.stale-after=2s",
		"spring.datasource.hikari.connection-timeout=1500" })
class ScanOutageIntegrationTests {

	private static final String MANIFEST = """
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: api, namespace: shop}
			spec:
			  replicas: 1
			  selector: {matchLabels: {app: api}}
			  template:
			    metadata: {labels: {app: api}}
			    spec:
			      containers: [{name: api, image: "shop/api:latest"}]
			""";

	@Autowired
	private Scans scans;

	@Autowired
	private ScanJobs jobs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Test
	void aScanThatLosesTheDatabaseIsRecordedFailedOnceItIsBackAndLeavesNoRows(@TempDir Path dir) throws Exception {
		Scan earlier = await(this.scans.trigger("demo", ScanTrigger.API, "test").scanId());
		assertThat(earlier.state()).isEqualTo(ScanState.OK);
		Path pipe = dir.resolve("manifests.yaml");
		assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
		this.jdbc.sql("""
				INSERT INTO cluster (name, display_name, source, manifest_location, created_at, created_by)
				VALUES ('piped', 'Piped', 'MANIFESTS', ?, now(), 'test')
				""").param(pipe.toString()).update();
		long id = this.scans.trigger("piped", ScanTrigger.API, "test").scanId();
		waitFor(() -> "snapshot".equals(this.scans.get(id).progress().phase()), "the scan reads its manifests");

		String url;
		String database;
		try (Connection app = this.dataSource.getConnection()) {
			url = app.getMetaData().getURL();
			database = app.getCatalog();
		}
		// an administrator's connection to another database of the same server
		String adminUrl = url.replaceFirst("/" + database + "(\\?|$)", "/template1$1");
		try (Connection admin = java.sql.DriverManager.getConnection(adminUrl, "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS false");
			sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
			CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
				try (OutputStream out = Files.newOutputStream(pipe)) {
					out.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
			writer.get(30, TimeUnit.SECONDS);
			// the scan now runs its checks and tries to store them and to record its failure: both refused
			Thread.sleep(5_000);
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", ""))
				.as("the database refuses connections")
				.isInstanceOf(java.sql.SQLException.class);
			sql.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS true");
		}

		Thread.sleep(2_500);
		this.jobs.failStaleScans();
		Scan failed = this.scans.get(id);
		assertThat(failed.state()).isEqualTo(ScanState.FAILED);
		assertThat(failed.error()).contains("lost its database");
		for (String table : new String[] { "scan_finding", "scan_workload_score", "scan_namespace_score",
				"scan_check_rollup", "scan_check_result", "scan_analysis" }) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE scan_id = ?")
				.param(id)
				.query(Integer.class)
				.single()).as(table).isZero();
		}
		assertThat(this.scans.get(earlier.id())).isEqualTo(earlier);
		assertThat(this.jdbc.sql("SELECT count(*) FROM scan_finding WHERE scan_id = ?")
			.param(earlier.id())
			.query(Integer.class)
			.single()).isPositive();
	}

	private static String single(Statement sql, String query) throws java.sql.SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private Scan await(long scanId) throws InterruptedException {
		return ScanTestSupport.awaitFinished(this.scans, scanId);
	}

	private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as(what).isBefore(deadline);
			Thread.sleep(50);
		}
	}

}
