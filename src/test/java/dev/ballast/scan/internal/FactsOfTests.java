package dev.ballast.scan.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.junit.jupiter.api.Test;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Gap;
import dev.ballast.snapshot.ManifestReader;
import dev.ballast.snapshot.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts the workload and namespace pages read, computed from a fixture: each posture item is
 * seen where it holds ("guarded") and not where it does not ("open"); pods name their node and zone,
 * restarts and last termination.
 */
class FactsOfTests {

	private static final ClusterSnapshot SNAPSHOT = new ManifestReader().read("facts",
			List.of(Path.of("src/test/resources/fixtures/facts/cluster.yaml")));

	private final Map<String, NamespaceFacts> namespaces = NamespaceFactsOf.of(SNAPSHOT);

	@Test
	void podSecurityLevelsComeFromTheNamespaceLabels() {
		assertThat(this.namespaces.get("guarded").podSecurity("enforce")).isEqualTo("restricted");
		assertThat(this.namespaces.get("guarded").podSecurity("audit")).isNull();
		assertThat(this.namespaces.get("open").podSecurity("enforce")).isNull();
		assertThat(this.namespaces.get("open").labels()).containsEntry("team", "web");
	}

	@Test
	void limitRangesAreCountedPerNamespace() {
		assertThat(this.namespaces.get("guarded").limitRanges()).isEqualTo(1);
		assertThat(this.namespaces.get("open").limitRanges()).isZero();
	}

	@Test
	void quotasSayWhatTheyLimit() {
		assertThat(this.namespaces.get("guarded").quotas())
			.containsExactly(new NamespaceFacts.Quota("compute", List.of("limits.memory=8Gi", "requests.cpu=4")));
		assertThat(this.namespaces.get("open").quotas()).isEmpty();
	}

	@Test
	void defaultDenyNeedsAPolicyOfEveryPodThatAllowsNothing() {
		NamespaceFacts guarded = this.namespaces.get("guarded");
		assertThat(guarded.networkPolicies()).isEqualTo(1);
		assertThat(guarded.defaultDenyIngress()).isTrue();
		assertThat(guarded.defaultDenyEgress()).isTrue();
		NamespaceFacts open = this.namespaces.get("open");
		assertThat(open.networkPolicies()).isEqualTo(2);
		assertThat(open.defaultDenyIngress()).as("web-only selects some pods only").isFalse();
		assertThat(open.defaultDenyEgress()).as("allow-dns allows DNS").isFalse();
	}

	@Test
	void aPolicyWithoutTypesIsAnIngressPolicy() {
		V1NetworkPolicySpec untyped = new V1NetworkPolicySpec().podSelector(new V1LabelSelector());
		assertThat(NamespaceFactsOf.denies(untyped)).isEqualTo(NamespaceFactsOf.INGRESS);
		untyped.addIngressItem(new V1NetworkPolicyIngressRule());
		assertThat(NamespaceFactsOf.denies(untyped)).isZero();
		V1NetworkPolicySpec egress = new V1NetworkPolicySpec().podSelector(new V1LabelSelector())
			.policyTypes(List.of("Egress"));
		assertThat(NamespaceFactsOf.denies(egress)).isEqualTo(NamespaceFactsOf.EGRESS);
		egress.addEgressItem(new V1NetworkPolicyEgressRule());
		assertThat(NamespaceFactsOf.denies(egress)).isZero();
	}

	@Test
	void workloadsAndPodsAreCountedPerNamespace() {
		assertThat(this.namespaces.get("open").workloads()).isEqualTo(1);
		assertThat(this.namespaces.get("open").pods()).isEqualTo(2);
		assertThat(this.namespaces.get("guarded").workloads()).isEqualTo(1);
		assertThat(this.namespaces.get("guarded").pods()).isZero();
		assertThat(this.namespaces.get("guarded").unknown()).isEmpty();
	}

	@Test
	void anUnreadKindMakesItsPostureItemUnknown() {
		ClusterSnapshot partial = ClusterSnapshot.builder()
			.clusterName("partial")
			.gap(new Gap("NetworkPolicy", Gap.Reason.FORBIDDEN, "forbidden"))
			.add(new V1Namespace().metadata(new V1ObjectMeta().name("team")))
			.build();
		NamespaceFacts facts = NamespaceFactsOf.of(partial).get("team");
		assertThat(facts.unknown("NetworkPolicy")).isTrue();
		assertThat(facts.unknown("LimitRange")).isFalse();
		assertThat(this.namespaces.get("open").unknown("NetworkPolicy")).isFalse();
	}

	@Test
	void aWorkloadsFactsNameItsPodsNodesZonesAndTerminations() {
		WorkloadFacts web = workload("web");
		assertThat(web.kind()).isEqualTo("Deployment");
		assertThat(web.replicas()).isEqualTo(2);
		assertThat(web.readyReplicas()).isEqualTo(1);
		assertThat(web.owners()).containsExactly("Site/shop");
		assertThat(web.serviceAccount()).isEqualTo("web-sa");
		assertThat(web.images()).containsExactly("registry.example/migrate:1", "registry.example/web:2", "envoy:1.30");
		assertThat(web.annotations()).containsEntry("note", "<script>alert(1)</script>");
		assertThat(web.podCount()).isEqualTo(2);
		assertThat(web.podsReady()).isEqualTo(1);
		assertThat(web.oomKilled()).isEqualTo(1);
		WorkloadFacts.Pod troubled = web.pods().get(0);
		assertThat(troubled.name()).as("the troubled pod first").isEqualTo("web-5d8f-bbbbb");
		assertThat(troubled.node()).isEqualTo("node-b");
		assertThat(troubled.zone()).as("the legacy zone label").isEqualTo("zone-b");
		assertThat(troubled.restarts()).isEqualTo(7);
		assertThat(troubled.lastTermination()).isEqualTo("OOMKilled");
		assertThat(troubled.lastTerminationContainer()).isEqualTo("app");
		assertThat(troubled.waiting()).isEqualTo("CrashLoopBackOff");
		assertThat(troubled.controller()).isEqualTo("ReplicaSet/web-5d8f");
		WorkloadFacts.Pod healthy = web.pods().get(1);
		assertThat(healthy.zone()).isEqualTo("zone-a");
		assertThat(healthy.ready()).isTrue();
		assertThat(healthy.oomKilled()).isFalse();
		assertThat(healthy.lastTermination()).isNull();
		assertThat(healthy.startedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
	}

	@Test
	void aWorkloadWithoutPodsOrServiceAccountHasDefaults() {
		WorkloadFacts api = workload("api");
		assertThat(api.serviceAccount()).isEqualTo("default");
		assertThat(api.pods()).isEmpty();
		assertThat(api.podCount()).isZero();
		assertThat(api.owners()).isEmpty();
	}

	@Test
	void longValuesAreShortenedAndPodsCapped() {
		Workload web = SNAPSHOT.workloads().stream().filter((w) -> w.name().equals("web")).findFirst().orElseThrow();
		WorkloadFacts facts = WorkloadFactsOf.of(web, java.util.Collections.nCopies(WorkloadFactsOf.MAX_PODS + 5,
				SNAPSHOT.podsOf(web).get(0)), Map.of());
		assertThat(facts.pods()).hasSize(WorkloadFactsOf.MAX_PODS);
		assertThat(facts.podCount()).isEqualTo(WorkloadFactsOf.MAX_PODS + 5);
	}

	private static WorkloadFacts workload(String name) {
		return WorkloadFactsOf.of(SNAPSHOT)
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().name().equals(name))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

}
