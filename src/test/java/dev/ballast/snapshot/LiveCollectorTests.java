package dev.ballast.snapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.NodeMetrics;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ballast.cluster.ClusterAccessException;
import dev.ballast.snapshot.FakeApiServer.Request;
import dev.ballast.snapshot.Gap.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The live collector against a fake API server on 127.0.0.1: pagination, version choice from
 * discovery, retries, restarts after 410 Gone, gaps, deadlines, credential renewal, and only
 * GETs that never touch Secrets.
 */
class LiveCollectorTests {

	private static final LiveSettings FAST = new LiveSettings(500, 4, Duration.ofSeconds(30), Duration.ofSeconds(5),
			3, Duration.ofMillis(10), Duration.ofMillis(50));

	private final List<FakeApiServer> servers = new ArrayList<>();

	@AfterEach
	void stopServers() {
		this.servers.forEach(FakeApiServer::close);
	}

	@Test
	void readsEveryKindPageByPageWithGetsOnlyAndNeverSecrets() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 1203);
		ClusterSnapshot snapshot = collect(server, FAST);
		assertThat(snapshot.gaps()).isEmpty();
		assertThat(snapshot.source().serverVersion()).isEqualTo("v1.29.3");
		assertThat(snapshot.pods()).hasSize(1203);
		assertThat(snapshot.nodes()).extracting(ClusterNode::podCidrs).containsExactly(List.of("10.0.1.0/24"),
				List.of("10.0.2.0/24"));
		assertThat(snapshot.workloads()).extracting(Workload::toString)
			.containsExactlyInAnyOrder("Deployment shop/web", "CronJob shop/nightly");
		assertThat(snapshot.podsOf(snapshot.workloads().stream().filter((w) -> w.kind().equals("Deployment")).findFirst()
			.orElseThrow())).hasSize(1203);
		assertThat(snapshot.nodeUsage()).singleElement().extracting(NodeUsage::node).isEqualTo("node-1");
		assertThat(server.requests("/api/v1/pods")).extracting(Request::uri)
			.containsExactly("/api/v1/pods?limit=500", "/api/v1/pods?limit=500&continue=500",
					"/api/v1/pods?limit=500&continue=1000");
		assertReadOnly(server.requests());
	}

	@Test
	void choosesTheNewestServedVersionOfEachKind() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3);
		ClusterSnapshot snapshot = collect(server, FAST);
		assertThat(listed(server)).contains("/apis/policy/v1/poddisruptionbudgets", "/apis/batch/v1/cronjobs",
				"/apis/autoscaling/v2/horizontalpodautoscalers", "/apis/discovery.k8s.io/v1/endpointslices")
			.noneMatch((path) -> path.contains("beta") && !path.startsWith("/apis/metrics.k8s.io"))
			.doesNotContain("/api/v1/endpoints");
		assertThat(snapshot.disruptionBudgets()).singleElement().extracting(DisruptionBudget::apiVersion)
			.isEqualTo("policy/v1");
		assertThat(snapshot.autoscalers()).singleElement().extracting(Autoscaler::apiVersion)
			.isEqualTo("autoscaling/v2");
		assertThat(cronJob(snapshot).apiVersion()).isEqualTo("batch/v1");
	}

	@Test
	void readsTheBetaVersionsAKubernetes120ServerOffers() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes120(), 3);
		ClusterSnapshot snapshot = collect(server, FAST);
		assertThat(listed(server)).contains("/apis/policy/v1beta1/poddisruptionbudgets", "/apis/batch/v1beta1/cronjobs",
				"/apis/autoscaling/v2beta2/horizontalpodautoscalers", "/apis/discovery.k8s.io/v1beta1/endpointslices");
		assertThat(snapshot.disruptionBudgets()).singleElement().extracting(DisruptionBudget::apiVersion)
			.isEqualTo("policy/v1beta1");
		assertThat(snapshot.autoscalers()).singleElement().extracting(Autoscaler::apiVersion)
			.isEqualTo("autoscaling/v2beta2");
		assertThat(cronJob(snapshot).apiVersion()).isEqualTo("batch/v1beta1");
		assertThat(snapshot.gaps()).extracting(Gap::kind, Gap::reason)
			.containsExactlyInAnyOrder(tuple("NodeMetrics", Reason.NOT_SERVED), tuple("PodMetrics", Reason.NOT_SERVED));
		assertReadOnly(server.requests());
	}

	@Test
	void recordsKindsTheServerDoesNotServe() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3)
			.unserve("networking.k8s.io/v1", "networkpolicies")
			.unserve("discovery.k8s.io/v1", "endpointslices");
		ClusterSnapshot snapshot = collect(server, FAST);
		assertThat(snapshot.gap("NetworkPolicy")).isEqualTo(new Gap("NetworkPolicy", Reason.NOT_SERVED,
				"The server serves none of networking.k8s.io/v1 networkpolicies."));
		assertThat(snapshot.gap("EndpointSlice")).isNull();
		assertThat(listed(server)).contains("/api/v1/endpoints").doesNotContain("/apis/networking.k8s.io/v1/networkpolicies");
	}

	@Test
	void listsAKindAgainFromTheBeginningWhenItsContinueTokenExpires() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 1200);
		List<V1Pod> changed = new CopyOnWriteArrayList<>(pods(1200));
		changed.remove(700);
		changed.add(pod("web-new"));
		server.fault((request) -> request.path().equals("/api/v1/pods") && "1000".equals(request.query().get("continue")),
				410, Map.of(), 0);
		AtomicInteger listedPages = new AtomicInteger();
		LiveCollector.Progress progress = new LiveCollector.Progress() {
			@Override
			public void listed(String kind, int objects) {
				if (kind.equals("Pod") && objects == 1000 && listedPages.incrementAndGet() == 1) {
					server.objects("/api/v1/pods", changed); // the cluster changes while the list runs
				}
			}
		};
		ClusterSnapshot snapshot = new LiveCollector(FAST).collect(server.client(), "test", progress);
		assertThat(server.requests("/api/v1/pods")).extracting(Request::uri)
			.containsExactly("/api/v1/pods?limit=500", "/api/v1/pods?limit=500&continue=500",
					"/api/v1/pods?limit=500&continue=1000", "/api/v1/pods?limit=500",
					"/api/v1/pods?limit=500&continue=500", "/api/v1/pods?limit=500&continue=1000");
		assertThat(snapshot.pods()).extracting(PodFacts::name)
			.containsExactlyInAnyOrderElementsOf(changed.stream().map((pod) -> pod.getMetadata().getName()).toList());
		assertThat(snapshot.source().warnings())
			.containsExactly("Pod: the list expired (410 Gone) and was read again from the start.");
		assertThat(snapshot.gaps()).isEmpty();
	}

	@Test
	void waitsAsTheServerAsksAfter429() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3)
			.fault((request) -> request.path().equals("/api/v1/nodes"), 429, Map.of("Retry-After", "1"), 0);
		long start = System.nanoTime();
		ClusterSnapshot snapshot = collect(server, FAST);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(server.requests("/api/v1/nodes")).hasSize(2);
		assertThat(snapshot.nodes()).hasSize(2);
		assertThat(snapshot.gaps()).isEmpty();
	}

	@Test
	void retriesAServerErrorAndRecordsOneThatPersists() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3)
			.fault((request) -> request.path().equals("/api/v1/pods"), 500, Map.of(), 0)
			.always((request) -> request.path().equals("/apis/apps/v1/deployments"), 503, 0);
		ClusterSnapshot snapshot = collect(server, FAST);
		assertThat(snapshot.pods()).hasSize(3);
		assertThat(server.requests("/api/v1/pods")).hasSize(2);
		assertThat(server.requests("/apis/apps/v1/deployments")).hasSize(FAST.attempts());
		assertThat(snapshot.gaps()).containsExactly(new Gap("Deployment", Reason.FAILED,
				"The server answered 503 to GET /apis/apps/v1/deployments: scripted 503 for /apis/apps/v1/deployments"
						+ " (tried 3 times)"));
		assertThat(snapshot.workloads()).extracting(Workload::kind).containsExactly("CronJob");
	}

	@Test
	void recordsAForbiddenKindWithTheServersMessage() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3)
			.always((request) -> request.path().equals("/apis/networking.k8s.io/v1/networkpolicies"), 403, 0);
		ClusterSnapshot snapshot = collect(server, FAST);
		assertThat(snapshot.gaps()).containsExactly(new Gap("NetworkPolicy", Reason.FORBIDDEN,
				"scripted 403 for /apis/networking.k8s.io/v1/networkpolicies is forbidden"));
		assertThat(server.requests("/apis/networking.k8s.io/v1/networkpolicies")).hasSize(1);
	}

	@Test
	void givesUpOnASlowListWithoutHanging() throws Exception {
		LiveSettings settings = new LiveSettings(500, 4, Duration.ofSeconds(30), Duration.ofMillis(300), 2,
				Duration.ofMillis(10), Duration.ofMillis(50));
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3)
			.always((request) -> request.path().equals("/api/v1/configmaps"), 200, 5_000);
		long start = System.nanoTime();
		ClusterSnapshot snapshot = collect(server, settings);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(snapshot.gaps()).singleElement().satisfies((gap) -> {
			assertThat(gap.kind()).isEqualTo("ConfigMap");
			assertThat(gap.reason()).isEqualTo(Reason.TIMED_OUT);
			assertThat(gap.message()).isEqualTo("No complete answer within 300 ms to GET /api/v1/configmaps. (tried 2 times)");
		});
		assertThat(snapshot.pods()).hasSize(3);
	}

	@Test
	void stopsAtTheScansDeadline() throws Exception {
		LiveSettings settings = new LiveSettings(500, 4, Duration.ofSeconds(1), Duration.ofSeconds(20), 3,
				Duration.ofMillis(10), Duration.ofMillis(50));
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3)
			.always((request) -> request.path().equals("/api/v1/pods"), 200, 5_000);
		long start = System.nanoTime();
		ClusterSnapshot snapshot = collect(server, settings);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(snapshot.gap("Pod")).extracting(Gap::reason).isEqualTo(Reason.TIMED_OUT);
		assertThat(snapshot.pods()).isEmpty();
		assertThat(snapshot.nodes()).hasSize(2);
	}

	@Test
	void renewsARefusedCredentialOnceDuringTheScan() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3);
		List<String> tokens = new CopyOnWriteArrayList<>(List.of("token", "renewed"));
		AtomicInteger built = new AtomicInteger();
		LiveCollector.Progress expireOnFirstPage = new LiveCollector.Progress() {
			@Override
			public void started(String kind) {
				server.acceptOnly("renewed"); // the first token expires once the lists begin
			}
		};
		ClusterSnapshot snapshot = new LiveCollector(FAST)
			.collect(() -> server.client(tokens.get(Math.min(built.getAndIncrement(), 1))), "test", expireOnFirstPage);
		assertThat(built).hasValue(2);
		assertThat(snapshot.gaps()).isEmpty();
		assertThat(snapshot.pods()).hasSize(3);
		assertThat(snapshot.source().warnings())
			.containsExactly("The server refused the credential (401) during the scan; it was renewed.");
	}

	@Test
	void recordsAnAggregatedApiThatCannotBeDiscovered() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3)
			.always((request) -> request.path().equals("/apis/metrics.k8s.io/v1beta1"), 503, 0);
		ClusterSnapshot snapshot = collect(server, FAST);
		assertThat(snapshot.gaps()).extracting(Gap::kind, Gap::reason)
			.containsExactlyInAnyOrder(tuple("NodeMetrics", Reason.FAILED), tuple("PodMetrics", Reason.FAILED));
		assertThat(snapshot.pods()).hasSize(3);
	}

	@Test
	void failsWhenTheServerCannotBeReachedOrRefusesTheCredential() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes129(), 3);
		assertThatExceptionOfType(ClusterAccessException.class)
			.isThrownBy(() -> new LiveCollector(FAST).collect(server.client("wrong"), "test", LiveCollector.Progress.NONE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ClusterAccessException.Reason.UNAUTHORIZED));
		server.close();
		assertThatExceptionOfType(ClusterAccessException.class)
			.isThrownBy(() -> collect(server, FAST))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ClusterAccessException.Reason.UNREACHABLE));
	}

	@Test
	void tellsItsProgress() throws Exception {
		FakeApiServer server = filled(FakeApiServer.kubernetes120(), 1001);
		List<String> events = new CopyOnWriteArrayList<>();
		new LiveCollector(FAST).collect(server.client(), "test", new LiveCollector.Progress() {
			@Override
			public void planned(List<String> kinds) {
				events.add("planned " + kinds.size() + " starting with " + kinds.get(0));
			}

			@Override
			public void listed(String kind, int objects) {
				if (kind.equals("Pod")) {
					events.add("listed " + objects);
				}
			}

			@Override
			public void finished(String kind, int objects, @Nullable Gap gap) {
				if (kind.equals("Pod") || gap != null) {
					events.add("finished " + kind + " " + objects + " " + ((gap != null) ? gap.reason() : ""));
				}
			}
		});
		assertThat(events).containsExactlyInAnyOrder("planned 24 starting with Pod", "finished NodeMetrics 0 NOT_SERVED",
				"finished PodMetrics 0 NOT_SERVED", "listed 500", "listed 1000", "listed 1001", "finished Pod 1001 ");
	}

	@Test
	void defaultsToPagesOf500() {
		LiveSettings defaults = LiveSettings.defaults();
		assertThat(defaults.pageSize()).isEqualTo(500);
		assertThat(defaults.deadline()).isEqualTo(Duration.ofMinutes(10));
		assertThat(defaults.firstBackoff()).isEqualTo(Duration.ofMillis(250));
	}

	/** Every request a GET of discovery or a list, none naming Secrets. */
	static void assertReadOnly(List<Request> requests) {
		assertThat(requests).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.uri()).doesNotContainIgnoringCase("secret");
		});
	}

	private ClusterSnapshot collect(FakeApiServer server, LiveSettings settings) throws ClusterAccessException {
		return new LiveCollector(settings).collect(server.client(), "test", LiveCollector.Progress.NONE);
	}

	private static List<String> listed(FakeApiServer server) {
		return server.requests().stream().filter((request) -> request.query().containsKey("limit"))
			.map(Request::path).distinct().toList();
	}

	private static Workload cronJob(ClusterSnapshot snapshot) {
		return snapshot.workloads().stream().filter((w) -> w.kind().equals("CronJob")).findFirst().orElseThrow();
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	/** Two nodes, a Deployment with its ReplicaSet and pods, a CronJob, a PDB, an HPA, a NetworkPolicy. */
	private FakeApiServer filled(FakeApiServer server, int pods) {
		this.servers.add(server);
		server.objects("/api/v1/nodes", List.of(node("node-1", "10.0.1.0/24"), node("node-2", "10.0.2.0/24")))
			.objects("/api/v1/namespaces", List.of(new V1Namespace().metadata(meta("shop", null))))
			.objects("/api/v1/pods", pods(pods))
			.objects("/apis/apps/v1/deployments", List.of(new V1Deployment().metadata(meta("web", "shop"))))
			.objects("/apis/apps/v1/replicasets", List.of(new V1ReplicaSet()
				.metadata(meta("web-5d8f", "shop").addOwnerReferencesItem(owner("Deployment", "web")))))
			.objects("/apis/networking.k8s.io/v1/networkpolicies",
					List.of(new V1NetworkPolicy().metadata(meta("deny", "shop"))))
			.objects("/apis/metrics.k8s.io/v1beta1/nodes", List.of(nodeMetrics("node-1")));
		V1CronJob cronJob = new V1CronJob().metadata(meta("nightly", "shop"));
		V1PodDisruptionBudget budget = new V1PodDisruptionBudget().metadata(meta("web", "shop"))
			.spec(new V1PodDisruptionBudgetSpec().minAvailable(new IntOrString(2)));
		V2HorizontalPodAutoscaler autoscaler = new V2HorizontalPodAutoscaler().metadata(meta("web", "shop"))
			.spec(new V2HorizontalPodAutoscalerSpec().maxReplicas(5)
				.scaleTargetRef(new V2CrossVersionObjectReference().kind("Deployment").name("web")));
		for (String version : List.of("v1", "v1beta1")) {
			server.objects("/apis/batch/" + version + "/cronjobs", List.of(cronJob))
				.objects("/apis/policy/" + version + "/poddisruptionbudgets", List.of(budget));
		}
		for (String version : List.of("v2", "v2beta2")) {
			server.objects("/apis/autoscaling/" + version + "/horizontalpodautoscalers", List.of(autoscaler));
		}
		return server;
	}

	private static List<V1Pod> pods(int count) {
		List<V1Pod> pods = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			pods.add(pod("web-5d8f-" + i));
		}
		return pods;
	}

	private static V1Pod pod(String name) {
		return new V1Pod().metadata(meta(name, "shop").addOwnerReferencesItem(owner("ReplicaSet", "web-5d8f")))
			.spec(new V1PodSpec().nodeName("node-1"))
			.status(new V1PodStatus().phase("Running").podIP("10.0.1.2"));
	}

	private static V1Node node(String name, String podCidr) {
		return new V1Node().metadata(meta(name, null)).spec(new V1NodeSpec().podCIDR(podCidr));
	}

	private static NodeMetrics nodeMetrics(String node) {
		NodeMetrics metrics = new NodeMetrics();
		metrics.setMetadata(meta(node, null));
		metrics.setUsage(Map.of("cpu", Quantity.fromString("250m"), "memory", Quantity.fromString("1Gi")));
		return metrics;
	}

	private static V1ObjectMeta meta(String name, @Nullable String namespace) {
		return new V1ObjectMeta().name(name).namespace(namespace).uid(name + "-uid");
	}

	private static V1OwnerReference owner(String kind, String name) {
		return new V1OwnerReference().kind(kind).name(name).controller(true).apiVersion("apps/v1").uid(name + "-uid");
	}

}
