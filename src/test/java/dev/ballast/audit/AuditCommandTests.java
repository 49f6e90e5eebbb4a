package dev.ballast.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line audit, run in this process with captured streams: formats, thresholds, exit
 * statuses, configuration and bad input.
 */
class AuditCommandTests {

	private static final String WEB = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: web
			  namespace: shop
			spec:
			  replicas: 2
			  selector:
			    matchLabels: {app: web}
			  template:
			    metadata:
			      labels: {app: web}
			    spec:
			      containers:
			      - name: app
			        image: registry.example.com/web:1.2.3
			        securityContext:
			          privileged: true
			""";

	@TempDir
	Path dir;

	private Path web;

	@BeforeEach
	void writeManifest() throws IOException {
		this.web = Files.writeString(this.dir.resolve("web.yaml"), WEB);
	}

	@Test
	void textReportNamesWorkloadFieldValueAndLineAndFailsOnDanger() {
		Run run = run(this.web.toString());
		assertThat(run.status).isEqualTo(AuditCommand.FAILED);
		assertThat(run.out).contains("Deployment shop/web  score")
			.contains("DANGER   privileged: Privileged container")
			.contains("container app: spec.template.spec.containers[0].securityContext.privileged = true  (" + this.web + ":18)")
			.contains("FAILED: ")
			.contains("score = 100 × 0.75^dangers")
			.doesNotContain("\u001b[");
	}

	@Test
	void passesWhenNothingReachesTheThreshold() {
		assertThat(run("--fail-on", "none", this.web.toString()).status).isEqualTo(AuditCommand.PASSED);
		Run low = run("--fail-on=none", "--min-score", "99", this.web.toString());
		assertThat(low.status).isEqualTo(AuditCommand.FAILED);
		assertThat(low.out).contains("is below --min-score 99");
	}

	@Test
	void jsonReportHasSummaryFindingsAndLocations() {
		Run run = run("-o", "json", this.web.toString());
		JsonObject json = JsonParser.parseString(run.out).getAsJsonObject();
		assertThat(json.getAsJsonObject("summary").get("passed").getAsBoolean()).isFalse();
		assertThat(json.getAsJsonObject("summary").getAsJsonObject("findings").get("danger").getAsInt()).isPositive();
		JsonObject privileged = json.getAsJsonArray("findings").asList().stream()
			.map((element) -> element.getAsJsonObject())
			.filter((finding) -> finding.get("check").getAsString().equals("privileged"))
			.findFirst()
			.orElseThrow();
		assertThat(privileged.get("container").getAsString()).isEqualTo("app");
		assertThat(privileged.getAsJsonObject("location").get("line").getAsInt()).isEqualTo(18);
		assertThat(json.getAsJsonArray("workloads")).hasSize(1);
	}

	@Test
	void sarifReportHasRulesResultsAndSuppressions() {
		String exempted = WEB.replace("  namespace: shop\n", "  namespace: shop\n  annotations: {ballast.dev/exempt: privileged}\n");
		Run run = run(new ByteArrayInputStream(exempted.getBytes(StandardCharsets.UTF_8)), "-o", "sarif", "-");
		JsonObject sarif = JsonParser.parseString(run.out).getAsJsonObject();
		assertThat(sarif.get("version").getAsString()).isEqualTo("2.1.0");
		JsonObject result = sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").asList()
			.stream()
			.map((element) -> element.getAsJsonObject())
			.filter((item) -> item.get("ruleId").getAsString().equals("privileged"))
			.findFirst()
			.orElseThrow();
		assertThat(result.get("level").getAsString()).isEqualTo("error");
		assertThat(result.getAsJsonArray("suppressions")).hasSize(1);
		assertThat(result.toString()).contains("\"uri\":\"<stdin>\"").contains("\"startLine\":19");
		assertThat(run.status).isEqualTo(AuditCommand.PASSED);
	}

	@Test
	void junitReportHasOneSuitePerCheck() {
		Run run = run("--format", "junit", this.web.toString());
		assertThat(run.out).startsWith("<?xml").contains("<testsuite name=\"privileged\"")
			.contains("<failure type=\"danger\" message=\"Privileged container\">");
		assertThat(run.status).isEqualTo(AuditCommand.FAILED);
	}

	@Test
	void configurationChangesSeveritiesAddsCustomChecksAndWarnsAboutUnknownIds() throws IOException {
		Path config = Files.writeString(this.dir.resolve("ballast.yaml"), """
				checks:
				  privileged: warning
				  image-tag-mutable: off
				  no-such-check: info
				custom:
				  - id: team-label
				    title: Workloads carry a team label
				    severity: danger
				    kinds: [Deployment]
				    expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
				    examples:
				      pass: {metadata: {labels: {team: shop}}}
				      fail: {metadata: {name: x}}
				""");
		Run run = run("-c", config.toString(), "-o", "json", this.web.toString());
		assertThat(run.err).contains("warning: configuration (severities) names unknown check 'no-such-check'");
		assertThat(run.out).contains("\"check\": \"team-label\"").contains("\"title\": \"Workloads carry a team label\"");
		assertThat(run.out).doesNotContain("\"check\": \"image-tag-mutable\"");
		assertThat(run.status).isEqualTo(AuditCommand.FAILED);
	}

	@Test
	void refusesInvalidCelWithItsPosition() throws IOException {
		Path config = Files.writeString(this.dir.resolve("ballast.yaml"), """
				custom:
				  - id: broken
				    expression: "object.spec.replicas >"
				""");
		Run run = run("--config", config.toString(), this.web.toString());
		assertThat(run.status).isEqualTo(AuditCommand.BAD_INPUT);
		assertThat(run.err).contains("custom[0]: custom check 'broken': invalid CEL expression at line 1, column");
	}

	@Test
	void refusesACustomCheckThatGetsItsExampleWrong() throws IOException {
		Path config = Files.writeString(this.dir.resolve("ballast.yaml"), """
				custom:
				  - id: replicas
				    expression: "object.spec.replicas >= 2"
				    examples:
				      fail: {spec: {replicas: 3}}
				""");
		Run run = run("--config", config.toString(), this.web.toString());
		assertThat(run.status).isEqualTo(AuditCommand.BAD_INPUT);
		assertThat(run.err).contains("its fail example passes");
	}

	@Test
	void reportsYamlErrorsWithFileAndLine() throws IOException {
		Path bad = Files.writeString(this.dir.resolve("bad.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n");
		Run run = run(bad.toString());
		assertThat(run.status).isEqualTo(AuditCommand.BAD_INPUT);
		assertThat(run.err).contains(bad.toString()).contains("line");
	}

	@Test
	void refusesUnreadableAndEmptyInput() throws IOException {
		Run missing = run(this.dir.resolve("missing.yaml").toString());
		assertThat(missing.status).isEqualTo(AuditCommand.BAD_INPUT);
		assertThat(missing.err).contains("missing.yaml").contains("cannot be read");
		Path empty = Files.writeString(this.dir.resolve("empty.yaml"), "# nothing here\n");
		Run none = run(empty.toString());
		assertThat(none.status).isEqualTo(AuditCommand.BAD_INPUT);
		assertThat(none.err).contains("no Kubernetes objects found");
		assertThat(run().status).isEqualTo(AuditCommand.BAD_INPUT);
		assertThat(run("--bogus", this.web.toString()).err).contains("unknown option --bogus");
	}

	@Test
	void printsHelpAndTheCatalogue() {
		assertThat(run("--help").out).contains("Usage: java -jar ballast.jar audit");
		assertThat(run("--list").out).contains("privileged").contains("jvm-heap-no-headroom");
	}

	@Test
	void colouredOnlyWhenAsked() {
		assertThat(run("--color", "always", this.web.toString()).out).contains("\u001b[31m");
	}

	private Run run(String... args) {
		return run(new ByteArrayInputStream(new byte[0]), args);
	}

	private Run run(InputStream in, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = AuditCommand.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int status, String out, String err) {
	}

}
