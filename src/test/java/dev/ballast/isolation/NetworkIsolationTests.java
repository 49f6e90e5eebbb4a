package dev.ballast.isolation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import org.junit.jupiter.api.Test;

import dev.ballast.isolation.NamespacePosture.Verdict;
import dev.ballast.isolation.NetworkIsolation.Enforcement;
import dev.ballast.isolation.Reachability.Port;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Gap;
import dev.ballast.snapshot.ManifestReader;
import dev.ballast.snapshot.SnapshotSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Namespace posture, findings and DNS notes of {@link NetworkIsolation}.
 */
class NetworkIsolationTests {

	private static final String CALICO = """
			apiVersion: apps/v1
			kind: DaemonSet
			metadata: {name: calico-node, namespace: kube-system}
			spec:
			  selector: {matchLabels: {k8s-app: calico-node}}
			  template:
			    metadata: {labels: {k8s-app: calico-node}}
			    spec:
			      containers: [{name: calico-node, image: docker.io/calico/node:v3.27.0}]
			""";

	private static final String FLANNEL = CALICO.replace("calico-node", "kube-flannel-ds")
		.replace("docker.io/calico/node:v3.27.0", "docker.io/flannel/flannel:v0.24.0");

	private static final String DENY_ALL = """
			---
			apiVersion: networking.k8s.io/v1
			kind: NetworkPolicy
			metadata: {name: default-deny, namespace: x}
			spec:
			  podSelector: {}
			  policyTypes: [Ingress, Egress]
			""";

	private static final String GUARDS = """
			---
			apiVersion: v1
			kind: LimitRange
			metadata: {name: defaults, namespace: x}
			spec:
			  limits: [{type: Container, default: {cpu: 500m}}]
			---
			apiVersion: v1
			kind: ResourceQuota
			metadata: {name: compute, namespace: x}
			spec:
			  hard: {pods: '10'}
			""";

	@Test
	void demoPoliciesAreNotEnforcedByFlannel() {
		NetworkIsolation network = demo();
		assertThat(network.cni().plugins()).containsExactly("flannel");
		assertThat(network.cni().enforcement()).isEqualTo(Enforcement.NOT_ENFORCED);
		// 07-network-policies.yaml holds 5 policies: 4 in payments, 1 in shop.
		assertThat(network.findings().get(0).code()).isEqualTo("not-enforced");
		assertThat(network.findings().get(0).args()).containsExactly("flannel", "5");
		NamespacePosture payments = network.namespace("payments");
		assertThat(payments.policies()).isEqualTo(4);
		assertThat(payments.defaultDenyIngress()).isTrue();
		assertThat(payments.defaultDenyEgress()).isTrue();
		// payments-api, fraud-detector, payouts-worker, payments-db: 4 groups, all selected by default-deny-all.
		assertThat(payments.groups()).isEqualTo(4);
		assertThat(payments.ingressIsolated()).isEqualTo(4);
		assertThat(payments.openGroups()).isZero();
		assertThat(payments.verdict()).isEqualTo(Verdict.DANGER);
		assertThat(payments.reasons()).contains("not-enforced", "no-psa-enforce").doesNotContain("no-limit-range");
	}

	@Test
	void demoFlagsOpenNamespacesAPolicyThatSelectsNothingAndDefault() {
		NetworkIsolation network = demo();
		assertThat(network.findings()).filteredOn((f) -> f.code().equals("open-namespace"))
			.extracting(Finding::namespace)
			.containsExactly("default", "logging", "ml", "monitoring");
		// allow-batch-settlement selects app=batch-settlement: no such pod in payments.
		assertThat(network.findings()).filteredOn((f) -> f.code().equals("selects-nothing"))
			.extracting(Finding::subject)
			.containsExactly("allow-batch-settlement");
		// default holds Deployment/legacy-portal and Pod/debug-shell: information, not an error.
		assertThat(network.findings()).filteredOn((f) -> f.code().equals("default-workloads"))
			.singleElement()
			.satisfies((f) -> assertThat(f.severity()).isEqualTo(Finding.Severity.INFO))
			.satisfies((f) -> assertThat(f.args()).containsExactly("2"));
		assertThat(network.namespace("shop").ingressIsolated()).isEqualTo(1);
		assertThat(network.namespace("kube-system").verdict()).isEqualTo(Verdict.INFO);
	}

	@Test
	void demoShopReachesPaymentsApiOnlyOn8443AsPoliciesSay() {
		NetworkIsolation network = demo();
		Reachability reach = Reachability.of(network);
		ReachMatrix on8443 = ReachMatrix.namespaces(reach, List.of("shop", "payments"), new Port("TCP", 8443));
		ReachMatrix on80 = ReachMatrix.namespaces(reach, List.of("shop", "payments"), new Port("TCP", 80));
		// shop has 22 pods; payments-api 3 of payments' 7: 22 x 3 = 66 of 22 x 7 = 154 pod pairs.
		assertThat(on8443.cells().get(0).get(1)).isEqualTo(new ReachMatrix.Cell(66, 154));
		assertThat(on80.cells().get(0).get(1)).isEqualTo(new ReachMatrix.Cell(0, 154));
		// payments' egress allows only DNS to kube-system: nothing reaches shop.
		assertThat(on80.cells().get(1).get(0).state()).isEqualTo("none");
	}

	@Test
	void namespaceWithEveryFenceIsOk() {
		NetworkIsolation network = Fixtures.model(CALICO + DENY_ALL + GUARDS + """
				---
				apiVersion: v1
				kind: Namespace
				metadata:
				  name: x
				  labels: {ns: x, pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/warn: restricted}
				""");
		assertThat(network.cni().enforcement()).isEqualTo(Enforcement.ENFORCED);
		NamespacePosture x = network.namespace("x");
		assertThat(x.verdict()).isEqualTo(Verdict.OK);
		assertThat(x.reasons()).isEmpty();
		assertThat(x.psaEnforce()).isEqualTo("restricted");
		assertThat(x.psaWarn()).isEqualTo("restricted");
		assertThat(x.limitRanges()).isEqualTo(1);
		assertThat(x.resourceQuotas()).isEqualTo(1);
		assertThat(network.findings()).noneMatch((f) -> f.namespace() != null && f.namespace().equals("x"));
	}

	@Test
	void namespaceMissingFencesIsAWarningAndOneWithoutPoliciesIsDanger() {
		NetworkIsolation network = Fixtures.model(CALICO + DENY_ALL.replace("Ingress, Egress", "Ingress"));
		NamespacePosture x = network.namespace("x");
		assertThat(x.verdict()).isEqualTo(Verdict.WARNING);
		assertThat(x.reasons()).containsExactly("no-default-deny-egress", "no-limit-range", "no-resource-quota",
				"no-psa-enforce");
		NamespacePosture y = network.namespace("y");
		assertThat(y.verdict()).isEqualTo(Verdict.DANGER);
		assertThat(y.reasons()).startsWith("no-policy");
		assertThat(network.findings()).filteredOn((f) -> f.code().equals("open-namespace"))
			.extracting(Finding::namespace)
			.containsExactly("y", "z");
	}

	@Test
	void flannelWithoutPoliciesWarnsThatNothingCouldBeEnforced() {
		NetworkIsolation network = Fixtures.model(FLANNEL);
		assertThat(network.cni().enforcement()).isEqualTo(Enforcement.NOT_ENFORCED);
		assertThat(network.findings()).extracting(Finding::code).contains("no-enforcement").doesNotContain("not-enforced");
	}

	@Test
	void unknownPluginIsSaidSo() {
		assertThat(Fixtures.model("").cni().enforcement()).isEqualTo(Enforcement.UNKNOWN);
		assertThat(Fixtures.model("").findings()).extracting(Finding::code).contains("cni-unknown");
	}

	@Test
	void missingNameLabelIsAddedAndSaidAndOnlyLabelsPoliciesLookAtAreKept() {
		NetworkIsolation network = Fixtures.model("""
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicy
				metadata: {name: from-z, namespace: x}
				spec:
				  podSelector: {}
				  ingress:
				  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: z}}}]
				""");
		// z is written without the label; team is on every namespace but no selector looks at it.
		assertThat(network.namespace("z").labels()).containsExactly(Map.entry("kubernetes.io/metadata.name", "z"));
		assertThat(network.notes()).containsExactly("name-label-added");
		assertThat(Fixtures.model("").namespace("x").labels()).isEmpty();
	}

	@Test
	void badPoliciesAreReportedNotFatal() {
		NetworkIsolation network = Fixtures.model("""
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicy
				metadata: {name: broken, namespace: x}
				spec:
				  podSelector: {matchLabels: {pod: a}}
				  ingress:
				  - from:
				    - ipBlock: {cidr: 10.0.300.0/24}
				    - ipBlock: {cidr: 10.0.0.0/16, except: [192.168.0.0/24]}
				    - {}
				    - podSelector: {matchExpressions: [{key: pod, operator: Like, values: [a]}]}
				    ports:
				    - {port: no-such-port}
				""");
		assertThat(network.findings()).filteredOn((f) -> "broken".equals(f.subject()))
			.extracting(Finding::code, Finding::args)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("invalid-cidr", List.of("10.0.300.0/24")),
					org.assertj.core.groups.Tuple.tuple("invalid-cidr", List.of("192.168.0.0/24")),
					org.assertj.core.groups.Tuple.tuple("empty-peer", List.of("")),
					org.assertj.core.groups.Tuple.tuple("invalid-selector", List.of("pod Like")),
					org.assertj.core.groups.Tuple.tuple("unknown-named-port", List.of("no-such-port")));
	}

	@Test
	void ipBlocksThatMatchPodIpsAreInformation() {
		NetworkIsolation network = Fixtures.model("""
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicy
				metadata: {name: from-y, namespace: x}
				spec:
				  podSelector: {}
				  ingress:
				  - from: [{ipBlock: {cidr: 10.0.2.0/24}}]
				""");
		// y's pods a, b, c hold 10.0.2.1-3.
		assertThat(network.findings()).filteredOn((f) -> f.code().equals("ipblock-pods"))
			.singleElement()
			.satisfies((f) -> assertThat(f.args()).containsExactly("3"));
	}

	@Test
	void dnsOverridesAreListed() {
		NetworkIsolation network = Fixtures.model("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: resolver, namespace: y}
				spec:
				  selector: {matchLabels: {app: resolver}}
				  template:
				    metadata: {labels: {app: resolver}}
				    spec:
				      dnsConfig:
				        options: [{name: ndots, value: '2'}]
				      containers: [{name: app, image: nginx}]
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: plain, namespace: y}
				spec:
				  selector: {matchLabels: {app: plain}}
				  template:
				    metadata: {labels: {app: plain}}
				    spec:
				      containers: [{name: app, image: nginx}]
				""");
		NamespacePosture y = network.namespace("y");
		assertThat(y.dns().overrides()).isEqualTo(1);
		assertThat(y.dns().examples()).containsExactly(
				new NamespacePosture.DnsOverride("Deployment/resolver", "ClusterFirst", "2", false));
		// The bare pods a, b, c are workloads too, plus the two Deployments: 5.
		assertThat(y.workloads()).isEqualTo(5);
	}

	@Test
	void missingPoliciesMakeReachabilityUnknownNotOpen() {
		ClusterSnapshot snapshot = ClusterSnapshot.builder()
			.clusterName("t")
			.origin(SnapshotSource.Origin.LIVE)
			.takenAt(Instant.parse("2026-01-01T00:00:00Z"))
			.gap(new Gap("NetworkPolicy", Gap.Reason.FORBIDDEN, "forbidden"))
			.pod(new V1Pod().metadata(new V1ObjectMeta().name("web").namespace("shop").labels(Map.of("app", "web")))
				.spec(new V1PodSpec())
				.status(new V1PodStatus().phase("Running").podIP("10.1.0.1")))
			.build();
		NetworkIsolation network = NetworkIsolation.of(snapshot);
		assertThat(network.policiesKnown()).isFalse();
		assertThat(network.notes()).contains("policies-unknown");
		assertThat(network.findings()).extracting(Finding::code).contains("policies-unknown").doesNotContain("open-namespace");
		assertThat(network.namespace("shop").verdict()).isEqualTo(Verdict.WARNING);
		assertThat(network.namespace("shop").reasons()).contains("policies-unknown").doesNotContain("no-policy");
	}

	@Test
	void hostNetworkPodsAreCountedApart() {
		NetworkIsolation network = demo();
		// kube-proxy and kube-flannel-ds on 12 nodes (24), node-exporter on 12 (monitoring),
		// and 2 in payments: 38.
		assertThat(network.findings()).filteredOn((f) -> f.code().equals("host-network"))
			.singleElement()
			.satisfies((f) -> assertThat(f.args()).containsExactly("38"));
	}

	static NetworkIsolation demo() {
		return NetworkIsolation.of(new ManifestReader().read("demo", List.of(Path.of("src/main/resources/demo"))));
	}

}
