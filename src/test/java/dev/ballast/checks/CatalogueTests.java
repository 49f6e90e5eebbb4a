package dev.ballast.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.ballast.snapshot.ManifestReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue is complete: every check explained in both languages with a YAML example and a
 * link to the Kubernetes docs; and the Kubernetes documentation's own examples get sensible
 * findings without any check crashing.
 */
class CatalogueTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private final CheckEngine engine = CheckEngine.standard();

	@Test
	void everyCheckIsExplainedInEveryLanguage() throws IOException {
		for (String bundle : List.of("checks.properties", "checks_zh_CN.properties")) {
			Properties messages = load(MESSAGES.resolve(bundle));
			for (CheckDefinition check : this.engine.catalogue()) {
				for (String part : List.of("title", "why", "fix", "example")) {
					assertThat(messages.getProperty(check.messageKey(part))).as("%s in %s", check.messageKey(part), bundle)
						.isNotBlank();
				}
				assertThat(check.docs()).as("docs of %s", check.id()).startsWith("https://kubernetes.io/docs/");
			}
		}
		assertThat(this.engine.catalogue()).hasSizeGreaterThanOrEqualTo(90);
		assertThat(CheckTexts.english().title(this.engine.catalogue().get(0))).isEqualTo("Fewer than two replicas");
	}

	@Test
	void kubernetesDocumentationExamplesGetSensibleFindings() {
		var snapshot = new ManifestReader().read("examples", List.of(Path.of("src/test/resources/fixtures/checks/_examples")));
		CheckReport report = this.engine.run(snapshot, CheckConfiguration.defaults());
		assertThat(report.warnings()).isEmpty();
		assertThat(report.results()).allMatch((result) -> result.skipped() == null);
		assertThat(report.counted()).anyMatch((f) -> is(f, "readiness-probe-missing", "nginx-deployment"))
			.anyMatch((f) -> is(f, "replicas-below-two", "redis-leader"))
			.anyMatch((f) -> is(f, "service-load-balancer", "frontend"))
			.anyMatch((f) -> is(f, "cronjob-deadline-missing", "hello"))
			.anyMatch((f) -> is(f, "job-ttl-missing", "pi"))
			.anyMatch((f) -> is(f, "pdb-missing", "cassandra"))
			.noneMatch((f) -> f.checkId().equals("env-secret-literal"))
			.noneMatch((f) -> f.checkId().equals("statefulset-service-missing"))
			.noneMatch((f) -> f.checkId().equals("image-tag-mutable"))
			.noneMatch((f) -> f.checkId().equals("service-selects-no-pod"));
		assertThat(report.findings()).filteredOn((f) -> is(f, "host-path-volume", "fluentd-elasticsearch"))
			.singleElement()
			.satisfies((f) -> assertThat(f.counts()).isFalse());
		assertThat(report.findings()).noneMatch((f) -> f.subject().kind().equals("Cluster"));
	}

	private static boolean is(Finding finding, String check, String name) {
		return finding.checkId().equals(check) && finding.subject().name().equals(name);
	}

	private static Properties load(Path path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(path)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
