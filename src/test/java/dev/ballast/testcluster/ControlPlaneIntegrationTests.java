package dev.ballast.testcluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

@ControlPlaneTest
class ControlPlaneIntegrationTests {

	@Test
	void spreadsReplicasOverThreeNodesWithPodIpsFromTheirCidrs(ControlPlane plane) throws ApiException {
		Scenario scenario = plane.scenario("three-nodes");
		CoreV1Api reader = new CoreV1Api(plane.readerClient());

		List<V1Pod> pods = reader.listNamespacedPod("three-nodes").labelSelector("app=web").execute().getItems();
		Map<String, V1Node> nodes = reader.listNode()
			.labelSelector(ScenarioLoader.SCENARIO_LABEL + "=three-nodes")
			.execute()
			.getItems()
			.stream()
			.collect(Collectors.toMap((node) -> node.getMetadata().getName(), Function.identity()));

		assertThat(scenario.nodes()).containsExactlyInAnyOrder("three-nodes-a", "three-nodes-b", "three-nodes-c");
		assertThat(scenario.unschedulable()).isEmpty();
		assertThat(pods).hasSize(3).allSatisfy((pod) -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
		assertThat(pods).extracting((pod) -> pod.getSpec().getNodeName()).doesNotHaveDuplicates()
			.allSatisfy((name) -> assertThat(nodes).containsKey(name));
		assertThat(pods).allSatisfy((pod) -> {
			String cidr = nodes.get(pod.getSpec().getNodeName()).getSpec().getPodCIDR();
			assertThat(cidr).isNotNull();
			assertThat(PodIpPool.contains(cidr, pod.getStatus().getPodIP()))
				.as("pod IP %s in node CIDR %s", pod.getStatus().getPodIP(), cidr)
				.isTrue();
		});
		assertThat(nodes.values()).allSatisfy((node) -> {
			assertThat(node.getStatus().getConditions())
				.anySatisfy((condition) -> assertThat(condition.getType() + "=" + condition.getStatus()).isEqualTo("Ready=True"));
			assertThat(node.getSpec().getTaints()).noneSatisfy(
					(taint) -> assertThat(taint.getKey()).isEqualTo(SimulatedKubelet.NOT_READY_TAINT));
		});
		assertThat(nodes.get("three-nodes-c").getStatus().getNodeInfo().getContainerRuntimeVersion()).startsWith("docker://");
	}

	@Test
	void reportsRestartsAndLastTerminationFromAnnotations(ControlPlane plane) throws ApiException {
		plane.scenario("three-nodes");
		CoreV1Api reader = new CoreV1Api(plane.readerClient());

		List<V1Pod> workers = reader.listNamespacedPod("three-nodes").labelSelector("app=worker").execute().getItems();

		assertThat(workers).singleElement().satisfies((pod) -> {
			V1ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
			assertThat(status.getRestartCount()).isEqualTo(5);
			assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("OOMKilled");
			assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(137);
		});
	}

	@Test
	void readOnlyTokenIsRefusedWrites(ControlPlane plane) {
		CoreV1Api reader = new CoreV1Api(plane.readerClient());
		V1ConfigMap configMap = new V1ConfigMap().metadata(new V1ObjectMeta().name("written-by-reader"))
			.data(Map.of("k", "v"));

		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> reader.createNamespacedConfigMap("default", configMap).execute());

		assertThat(refused).isNotNull();
		assertThat(refused.getCode()).isEqualTo(403);
	}

	@Test
	void readOnlyTokenIsRefusedSecrets(ControlPlane plane) {
		CoreV1Api reader = new CoreV1Api(plane.readerClient());

		ApiException list = catchThrowableOfType(ApiException.class,
				() -> reader.listNamespacedSecret("kube-system").execute());
		ApiException all = catchThrowableOfType(ApiException.class,
				() -> reader.listSecretForAllNamespaces().execute());

		assertThat(list).isNotNull();
		assertThat(list.getCode()).isEqualTo(403);
		assertThat(all).isNotNull();
		assertThat(all.getCode()).isEqualTo(403);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(plane.auditEvents("ballast-reader"))
				.filteredOn((event) -> event.resource().equals("secrets"))
				.hasSizeGreaterThanOrEqualTo(2)
				.allSatisfy((event) -> assertThat(event.code()).isEqualTo(403)));
	}

}
