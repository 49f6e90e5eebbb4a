package dev.ballast.checks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's handling of configuration, exemptions, gaps and scores.
 */
class CheckEngineTests {

	private final CheckEngine engine = CheckEngine.standard();

	@Test
	void findingsNameTheWorkloadContainerFieldAndValue() {
		CheckReport report = this.engine.run(Manifests.read(Manifests.deployment("shop", "web", "")),
				CheckConfiguration.none());
		Finding privileged = finding(report, "privileged", "web");
		assertThat(privileged.subject()).isEqualTo(new Subject("Deployment", "shop", "web"));
		assertThat(privileged.container()).isEqualTo("app");
		assertThat(privileged.path()).isEqualTo("spec.template.spec.containers[0].securityContext.privileged");
		assertThat(privileged.actual()).isEqualTo("true");
		assertThat(privileged.severity()).isEqualTo(Severity.DANGER);
		assertThat(privileged.counts()).isTrue();
	}

	@Test
	void workloadAnnotationExemptsNamedChecksAndKeepsThemVisible() {
		CheckReport report = this.engine.run(Manifests.read(Manifests.deployment("shop", "web",
				"ballast.dev/exempt: 'privileged, image-tag-mutable'")), CheckConfiguration.none());
		Finding privileged = finding(report, "privileged", "web");
		assertThat(privileged.counts()).isFalse();
		assertThat(privileged.exempted().source()).isEqualTo(Exempted.Source.ANNOTATION);
		assertThat(finding(report, "image-tag-mutable", "web").counts()).isFalse();
		assertThat(finding(report, "replicas-below-two", "web").counts()).isTrue();
		assertThat(report.workloads().get(new Subject("Deployment", "shop", "web")).exempted()).isEqualTo(2);
	}

	@Test
	void namespaceAnnotationAllExemptsEverythingInIt() {
		ClusterSnapshot snapshot = Manifests.read("""
				apiVersion: v1
				kind: Namespace
				metadata: {name: legacy, annotations: {ballast.dev/exempt: all}}
				---
				""" + Manifests.deployment("legacy", "portal", ""));
		CheckReport report = this.engine.run(snapshot, CheckConfiguration.none());
		assertThat(report.findings()).isNotEmpty().noneMatch(Finding::counts);
		assertThat(report.findings()).filteredOn((f) -> f.subject().kind().equals("Deployment"))
			.allMatch((f) -> f.exempted().source() == Exempted.Source.NAMESPACE_ANNOTATION);
		assertThat(report.workloads().get(new Subject("Deployment", "legacy", "portal")).value()).isEqualTo(100);
	}

	@Test
	void unknownIdsInAnnotationsAndConfigurationAreWarningsNotErrors() {
		CheckConfiguration configuration = new CheckConfiguration(Map.of("no-such-check", Severity.INFO),
				Set.of("neither-this"), Map.of(), List.of(), List.of());
		CheckReport report = this.engine.run(Manifests.read(Manifests.deployment("shop", "web",
				"ballast.dev/exempt: 'privileged,typo-check'")), configuration);
		assertThat(report.warnings()).anyMatch((w) -> w.contains("'typo-check'") && w.contains("Deployment shop/web"))
			.anyMatch((w) -> w.contains("'no-such-check'"))
			.anyMatch((w) -> w.contains("'neither-this'"));
		assertThat(finding(report, "privileged", "web").counts()).isFalse();
	}

	@Test
	void configurationChangesSeveritiesAndTurnsChecksOffPerNamespace() {
		ClusterSnapshot snapshot = Manifests.read(Manifests.deployment("shop", "web", "")
				+ Manifests.deployment("batch", "worker", ""));
		CheckConfiguration configuration = new CheckConfiguration(Map.of("privileged", Severity.WARNING),
				Set.of("image-tag-mutable"),
				Map.of("batch", new CheckConfiguration.Overrides(Map.of("privileged", Severity.INFO),
						Set.of("replicas-below-two"))),
				List.of(), List.of());
		CheckReport report = this.engine.run(snapshot, configuration);
		assertThat(finding(report, "privileged", "web").severity()).isEqualTo(Severity.WARNING);
		assertThat(finding(report, "privileged", "worker").severity()).isEqualTo(Severity.INFO);
		assertThat(report.findings()).noneMatch((f) -> f.checkId().equals("image-tag-mutable"));
		assertThat(report.findings()).anyMatch((f) -> f.checkId().equals("replicas-below-two")
				&& f.subject().name().equals("web"));
		assertThat(report.findings()).noneMatch((f) -> f.checkId().equals("replicas-below-two")
				&& f.subject().name().equals("worker"));
		assertThat(report.results()).filteredOn((r) -> r.check().id().equals("image-tag-mutable"))
			.singleElement()
			.satisfies((r) -> assertThat(r.skipped()).contains("turned off"));
	}

	@Test
	void configurationExemptionsExpire() {
		ClusterSnapshot snapshot = Manifests.read(Manifests.deployment("shop", "web", ""));
		Exemption expired = new Exemption(Set.of("privileged"), "shop", "Deployment", "we*", "vendor image", "ops",
				Instant.parse("2020-01-01T00:00:00Z"));
		Exemption current = new Exemption(Set.of("image-tag-mutable"), "shop", null, "web", "pinned next sprint", "ops",
				Instant.parse("2999-01-01T00:00:00Z"));
		CheckReport report = this.engine.run(snapshot,
				new CheckConfiguration(Map.of(), Set.of(), Map.of(), List.of(expired, current), List.of()));
		assertThat(finding(report, "privileged", "web").counts()).isTrue();
		Finding tag = finding(report, "image-tag-mutable", "web");
		assertThat(tag.exempted().source()).isEqualTo(Exempted.Source.CONFIGURATION);
		assertThat(tag.exempted().reason()).contains("pinned next sprint").contains("ops");
	}

	@Test
	void checksThatNeedAMissingKindAreSkippedWithTheReason() {
		ClusterSnapshot read = Manifests.read("""
				apiVersion: v1
				kind: Namespace
				metadata: {name: shop}
				---
				""" + Manifests.deployment("shop", "web", ""));
		var builder = ClusterSnapshot.builder().gap(new Gap("NetworkPolicy", Gap.Reason.FORBIDDEN, "403"));
		read.namespaces().forEach((namespace) -> builder.add(new io.kubernetes.client.openapi.models.V1Namespace()
			.metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name(namespace.name()))));
		CheckReport report = this.engine.run(builder.build(), CheckConfiguration.none());
		assertThat(report.results()).filteredOn((r) -> r.check().id().equals("network-policy-missing"))
			.singleElement()
			.satisfies((r) -> assertThat(r.skipped()).contains("NetworkPolicy could not be read (forbidden)"));
	}

	@Test
	void scoresFollowTheDocumentedFormula() {
		assertThat(Scoring.apply(100, 1, 2)).isCloseTo(100 * 0.75 * 0.97 * 0.97, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(Scoring.grade(90)).isEqualTo("A");
		assertThat(Scoring.grade(89)).isEqualTo("B");
		assertThat(Scoring.grade(59)).isEqualTo("F");
		CheckReport report = this.engine.run(Manifests.read(Manifests.deployment("shop", "web", "")),
				CheckConfiguration.none());
		Score score = report.workloads().get(new Subject("Deployment", "shop", "web"));
		long dangers = report.counted().stream().filter((f) -> f.subject().name().equals("web")
				&& f.severity() == Severity.DANGER).map(Finding::checkId).distinct().count();
		long warnings = report.counted().stream().filter((f) -> f.subject().name().equals("web")
				&& f.severity() == Severity.WARNING).map(Finding::checkId).distinct().count();
		assertThat(score.dangers()).isEqualTo(dangers);
		assertThat(score.warnings()).isEqualTo(warnings);
		assertThat(score.value()).isEqualTo((int) Math.round(Scoring.apply(100, (int) dangers, (int) warnings)));
		assertThat(report.namespaces().get("shop").value()).isEqualTo(score.value());
		assertThat(report.cluster().value()).isEqualTo(score.value());
	}

	@Test
	void defaultConfigurationExemptsTheClusterPlumbingVisibly() {
		String proxy = """
				apiVersion: apps/v1
				kind: DaemonSet
				metadata: {name: kube-proxy, namespace: kube-system}
				spec:
				  selector: {matchLabels: {k8s-app: kube-proxy}}
				  template:
				    metadata: {labels: {k8s-app: kube-proxy}}
				    spec:
				      hostNetwork: true
				      containers:
				      - {name: kube-proxy, image: 'registry.k8s.io/kube-proxy:v1.29.3', securityContext: {privileged: true}}
				""";
		CheckReport report = this.engine.run(Manifests.read(proxy), CheckConfiguration.defaults());
		assertThat(finding(report, "host-network", "kube-proxy").exempted().reason()).contains("default exemption");
		assertThat(finding(report, "privileged", "kube-proxy").counts()).isFalse();
	}

	private static Finding finding(CheckReport report, String check, String name) {
		return report.findings().stream()
			.filter((f) -> f.checkId().equals(check) && f.subject().name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + check + " on " + name + " in " + report.findings()));
	}

}
