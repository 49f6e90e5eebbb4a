package dev.ballast.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.junit.jupiter.api.Test;

import dev.ballast.snapshot.Gap.Reason;
import dev.ballast.testcluster.AuditEvent;
import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.ControlPlaneTest;
import dev.ballast.testcluster.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live collector on a real Kubernetes 1.20 control plane with real RBAC: what the read-only
 * credential collects is what the admin reads, a forbidden kind is an honest gap, and the API
 * server's audit log shows nothing but reads, never of Secrets.
 */
@ControlPlaneTest
class LiveCollectorClusterTests {

	private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

	private final LiveCollector collector = new LiveCollector(new LiveSettings(500, 4, Duration.ofMinutes(2),
			Duration.ofSeconds(30), 3, Duration.ofMillis(100), Duration.ofSeconds(2)));

	@Test
	void collectsThroughTheReadOnlyKubeconfigWhatTheAdminReads(ControlPlane plane) throws Exception {
		Scenario scenario = plane.scenario("three-nodes");
		ClusterSnapshot snapshot = this.collector.collect(plane.readerClient(), "three-nodes", LiveCollector.Progress.NONE);
		ApiClient admin = plane.adminClient();

		assertThat(snapshot.source().serverVersion()).startsWith("v1.20");
		assertThat(snapshot.gaps()).extracting(Gap::kind, Gap::reason)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("NodeMetrics", Reason.NOT_SERVED),
					org.assertj.core.groups.Tuple.tuple("PodMetrics", Reason.NOT_SERVED));
		Set<String> namespaces = scenario.namespaces();
		assertThat(names(snapshot.pods(), namespaces, PodFacts::namespace, PodFacts::name))
			.isEqualTo(adminNames(admin, "", "v1", "pods", namespaces)).hasSize(scenario.running());
		assertThat(names(snapshot.services(), namespaces, Service::namespace, Service::name))
			.isEqualTo(adminNames(admin, "", "v1", "services", namespaces));
		assertThat(names(snapshot.configMaps(), namespaces, ConfigMap::namespace, ConfigMap::name))
			.isEqualTo(adminNames(admin, "", "v1", "configmaps", namespaces));
		assertThat(names(snapshot.serviceAccounts(), namespaces, ServiceAccount::namespace, ServiceAccount::name))
			.isEqualTo(adminNames(admin, "", "v1", "serviceaccounts", namespaces));
		assertThat(names(snapshot.limitRanges(), namespaces, LiveCollectorClusterTests::namespace, LiveCollectorClusterTests::name))
			.isEqualTo(adminNames(admin, "", "v1", "limitranges", namespaces)).isNotEmpty();
		assertThat(names(snapshot.resourceQuotas(), namespaces, LiveCollectorClusterTests::namespace, LiveCollectorClusterTests::name))
			.isEqualTo(adminNames(admin, "", "v1", "resourcequotas", namespaces)).isNotEmpty();
		assertThat(names(snapshot.networkPolicies(), namespaces, LiveCollectorClusterTests::namespace, LiveCollectorClusterTests::name))
			.isEqualTo(adminNames(admin, "networking.k8s.io", "v1", "networkpolicies", namespaces)).isNotEmpty();
		assertThat(names(snapshot.disruptionBudgets(), namespaces, DisruptionBudget::namespace, DisruptionBudget::name))
			.isEqualTo(adminNames(admin, "policy", "v1beta1", "poddisruptionbudgets", namespaces)).isNotEmpty();
		assertThat(snapshot.disruptionBudgets()).filteredOn((budget) -> namespaces.contains(budget.namespace()))
			.extracting(DisruptionBudget::apiVersion).containsOnly("policy/v1beta1");
		for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet")) {
			assertThat(names(snapshot.workloads().stream().filter((w) -> w.kind().equals(kind)).toList(), namespaces,
					Workload::namespace, Workload::name))
				.as(kind)
				.isEqualTo(adminNames(admin, "apps", "v1", kind.toLowerCase() + "s", namespaces));
		}
		assertThat(snapshot.namespaces()).extracting(Namespace::name).containsAll(namespaces);

		Map<String, DynamicKubernetesObject> nodes = adminObjects(admin, "", "v1", "nodes", Set.of());
		assertThat(snapshot.nodes()).filteredOn((node) -> scenario.nodes().contains(node.name()))
			.hasSize(scenario.nodes().size())
			.allSatisfy((node) -> assertThat(node.podCidrs()).containsExactly(
					nodes.get(node.name()).getRaw().getAsJsonObject("spec").get("podCIDR").getAsString()));

		Map<String, DynamicKubernetesObject> pods = adminObjects(admin, "", "v1", "pods", namespaces);
		assertThat(snapshot.pods()).filteredOn((pod) -> namespaces.contains(pod.namespace())).allSatisfy((pod) -> {
			var status = pods.get(pod.namespace() + "/" + pod.name()).getRaw().getAsJsonObject("status");
			assertThat(pod.phase()).isEqualTo(status.get("phase").getAsString());
			assertThat(pod.podIps()).containsExactly(status.get("podIP").getAsString());
		});
		Workload web = snapshot.workloads().stream().filter((w) -> w.toString().equals("Deployment three-nodes/web"))
			.findFirst().orElseThrow();
		assertThat(snapshot.podsOf(web)).hasSize(3);
	}

	@Test
	void recordsWhatATokenMayNotListAsAGap(ControlPlane plane) throws Exception {
		plane.scenario("three-nodes");
		V1PolicyRule core = new V1PolicyRule().apiGroups(List.of(""))
			.resources(List.of("nodes", "namespaces", "pods", "services", "endpoints", "configmaps", "serviceaccounts",
					"limitranges", "resourcequotas"))
			.verbs(List.of("get", "list", "watch"));
		V1PolicyRule others = new V1PolicyRule().apiGroups(List.of("apps", "batch", "policy", "autoscaling",
				"scheduling.k8s.io", "rbac.authorization.k8s.io", "discovery.k8s.io"))
			.resources(List.of("*"))
			.verbs(List.of("get", "list", "watch"));
		V1PolicyRule ingressesOnly = new V1PolicyRule().apiGroups(List.of("networking.k8s.io"))
			.resources(List.of("ingresses"))
			.verbs(List.of("get", "list", "watch"));
		String user = "system:serviceaccount:collector-no-netpol:no-netpol";
		int before = plane.auditEvents(user).size();

		ClusterSnapshot snapshot = this.collector.collect(serviceAccount(plane, "no-netpol", List.of(core, others,
				ingressesOnly)), "three-nodes", LiveCollector.Progress.NONE);

		assertThat(snapshot.gap("NetworkPolicy")).satisfies((gap) -> {
			assertThat(gap.reason()).isEqualTo(Reason.FORBIDDEN);
			assertThat(gap.message()).contains("networkpolicies.networking.k8s.io is forbidden",
					"cannot list resource \"networkpolicies\"");
		});
		assertThat(snapshot.networkPolicies()).isEmpty();
		assertThat(snapshot.gaps()).extracting(Gap::kind)
			.containsExactlyInAnyOrder("NetworkPolicy", "NodeMetrics", "PodMetrics");
		assertThat(snapshot.pods()).isNotEmpty();
		assertOnlyReads(plane, user, before);
	}

	@Test
	void readsNothingButListsAndDiscoveryAndNeverSecrets(ControlPlane plane) throws Exception {
		plane.scenario("three-nodes");
		int before = plane.auditEvents("ballast-reader").size();

		this.collector.collect(plane.readerClient(), "three-nodes", LiveCollector.Progress.NONE);

		List<AuditEvent> events = assertOnlyReads(plane, "ballast-reader", before);
		assertThat(events).filteredOn((event) -> event.resource().equals("pods") && event.verb().equals("list"))
			.singleElement()
			.satisfies((event) -> assertThat(event.requestUri()).isEqualTo("/api/v1/pods?limit=500"));
		assertThat(events).extracting(AuditEvent::resource)
			.contains("nodes", "pods", "deployments", "replicasets", "networkpolicies", "poddisruptionbudgets",
					"horizontalpodautoscalers", "cronjobs", "clusterrolebindings", "configmaps");
	}

	/** The requests {@code user} made since the {@code before}th: reads only, never of Secrets. */
	private static List<AuditEvent> assertOnlyReads(ControlPlane plane, String user, int before) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> plane.auditEvents(user).stream().skip(before).anyMatch((e) -> e.resource().equals("pods")));
		List<AuditEvent> events = plane.auditEvents(user).stream().skip(before).toList();
		assertThat(events).isNotEmpty().allSatisfy((event) -> {
			assertThat(event.resource()).isNotEqualTo("secrets");
			assertThat(event.requestUri()).doesNotContain("secrets");
			if (!event.resource().equals("selfsubjectaccessreviews")) {
				assertThat(event.verb()).as(event.requestUri()).isIn(READ_VERBS);
			}
		});
		return events;
	}

	private static <T> Set<String> names(List<T> objects, Set<String> namespaces, Function<T, String> namespace,
			Function<T, String> name) {
		return objects.stream().filter((object) -> namespaces.contains(namespace.apply(object)))
			.map((object) -> namespace.apply(object) + "/" + name.apply(object))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> adminNames(ApiClient admin, String group, String version, String resource,
			Set<String> namespaces) throws ApiException {
		return new TreeSet<>(adminObjects(admin, group, version, resource, namespaces).keySet());
	}

	/** Objects as the admin lists them, by {@code namespace/name} (by name for cluster-scoped ones). */
	private static Map<String, DynamicKubernetesObject> adminObjects(ApiClient admin, String group, String version,
			String resource, Set<String> namespaces) throws ApiException {
		Map<String, DynamicKubernetesObject> objects = new TreeMap<>();
		for (DynamicKubernetesObject object : new DynamicKubernetesApi(group, version, resource, admin).list()
			.throwsApiException()
			.getObject()
			.getItems()) {
			V1ObjectMeta metadata = object.getMetadata();
			if (metadata.getNamespace() == null) {
				objects.put(metadata.getName(), object);
			}
			else if (namespaces.contains(metadata.getNamespace())) {
				objects.put(metadata.getNamespace() + "/" + metadata.getName(), object);
			}
		}
		return objects;
	}

	private static String namespace(KubernetesObject object) {
		return object.getMetadata().getNamespace();
	}

	private static String name(KubernetesObject object) {
		return object.getMetadata().getName();
	}

	/** A client with the token of a new service account bound to a ClusterRole of these rules. */
	private static ApiClient serviceAccount(ControlPlane plane, String name, List<V1PolicyRule> rules) throws Exception {
		return new ClientBuilder().setBasePath(plane.apiUrl())
			.setAuthentication(new AccessTokenAuthentication(plane.serviceAccountToken("collector-" + name, name, rules)))
			.setCertificateAuthority(Files.readAllBytes(Path.of(plane.env("KUBE_CA_FILE"))))
			.build();
	}

}
