package dev.ballast.checks;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Custom checks in CEL: compiled and type-checked before use, tried on samples, evaluated on
 * workloads with {@code object} and {@code namespaceObject}, and bounded in cost.
 */
class CustomCheckTests {

	private final CheckEngine engine = CheckEngine.standard();

	@Test
	void refusesAnExpressionThatDoesNotCompileWithTheCompilersMessageAndPosition() {
		assertThatExceptionOfType(InvalidExpressionException.class)
			.isThrownBy(() -> this.engine.compile(check("object.spec.replicas >")))
			.satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(1);
				assertThat(ex.column()).isPositive();
				assertThat(ex.compilerMessage()).contains("<input>:1:");
			});
	}

	@Test
	void refusesATypeError() {
		assertThatExceptionOfType(InvalidExpressionException.class)
			.isThrownBy(() -> this.engine.compile(check("1 + 'a' == 2")))
			.withMessageContaining("found no matching overload for '_+_' applied to '(int, string)'")
			.satisfies((ex) -> assertThat(ex.column()).isEqualTo(3));
		assertThatExceptionOfType(InvalidExpressionException.class)
			.isThrownBy(() -> this.engine.compile(check("'not a bool'")));
	}

	@Test
	void triesACheckOnSampleObjects() {
		CustomCheck replicas = check("has(object.spec.replicas) && object.spec.replicas >= 2");
		assertThat(this.engine.trial(replicas, Map.of("spec", Map.of("replicas", 3)), null).passed()).isTrue();
		assertThat(this.engine.trial(replicas, Map.of("spec", Map.of("replicas", 1)), null).passed()).isFalse();
		CheckEngine.Trial missing = this.engine.trial(check("object.spec.replicas >= 2"), Map.of("spec", Map.of()), null);
		assertThat(missing.passed()).isFalse();
		assertThat(missing.error()).contains("replicas");
	}

	@Test
	void stopsRunawayComprehensions() {
		String range = "[" + "1,".repeat(99) + "1]";
		CustomCheck nested = check(range + ".all(a, " + range + ".all(b, " + range + ".all(c, a + b + c > 0)))");
		long started = System.nanoTime();
		CheckEngine.Trial trial = this.engine.trial(nested, Map.of(), null);
		assertThat(trial.error()).contains("evaluation stopped").contains("iterations");
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
	}

	@Test
	void stopsExpressionsThatBuildLargeValuesAtTheCostLimit() {
		String range = "[" + "1,".repeat(199) + "1]";
		CustomCheck expensive = check(range + ".all(x, object.s + object.s != '')");
		CheckEngine.Trial trial = this.engine.trial(expensive, Map.of("s", "a".repeat(100_000)), null);
		assertThat(trial.error()).contains("cost limit");
	}

	@Test
	void runsOnWorkloadsWithTheirNamespace() {
		CustomCheck team = new CustomCheck("team-label", Category.OPERATIONS, Severity.WARNING,
				"Workloads carry their namespace's team label",
				"has(object.metadata.labels) && 'team' in object.metadata.labels"
						+ " && object.metadata.labels.team == namespaceObject.metadata.labels.team",
				"the team label is missing or differs from the namespace's", Set.of("Deployment"));
		var snapshot = Manifests.read("""
				apiVersion: v1
				kind: Namespace
				metadata: {name: shop, labels: {team: storefront}}
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: good, namespace: shop, labels: {team: storefront}}
				spec: {selector: {matchLabels: {app: good}}, template: {metadata: {labels: {app: good}}, spec: {containers: [{name: a, image: 'x:1'}]}}}
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: bad, namespace: shop}
				spec: {selector: {matchLabels: {app: bad}}, template: {metadata: {labels: {app: bad}}, spec: {containers: [{name: a, image: 'x:1'}]}}}
				""");
		CheckReport report = this.engine.run(snapshot, CheckConfiguration.none()
			.with(new CheckConfiguration(Map.of(), Set.of(), Map.of(), List.of(), List.of(team))));
		assertThat(report.findings()).filteredOn((f) -> f.checkId().equals("team-label"))
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.subject().name()).isEqualTo("bad");
				assertThat(f.actual()).isEqualTo("the team label is missing or differs from the namespace's");
				assertThat(f.check().custom()).isTrue();
			});
	}

	@Test
	void anInvalidCustomCheckInAStoredConfigurationIsSkippedWithAWarning() {
		CheckReport report = this.engine.run(Manifests.read(Manifests.deployment("shop", "web", "")),
				new CheckConfiguration(Map.of(), Set.of(), Map.of(), List.of(), List.of(check("object.("))));
		assertThat(report.warnings()).anyMatch((w) -> w.contains("custom check 'custom'") && w.contains("skipped"));
	}

	private static CustomCheck check(String expression) {
		return new CustomCheck("custom", Category.OPERATIONS, Severity.WARNING, "Custom", expression, null, Set.of());
	}

}
