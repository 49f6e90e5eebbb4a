package dev.ballast.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1Endpoint;
import io.kubernetes.client.openapi.models.V1EndpointConditions;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Taint;
import io.kubernetes.client.openapi.models.V1Volume;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Filling a snapshot from typed client-java objects, as the live collector does.
 */
class SnapshotBuilderTests {

	@Test
	void resolvesPodOwnersWhateverOrderTheKindsArriveIn() {
		SnapshotBuilder builder = ClusterSnapshot.builder();
		builder.add(pod("web-5d8f-a", "node-1", owner("ReplicaSet", "web-5d8f")));
		builder.add(pod("web-5d8f-b", "node-1", owner("ReplicaSet", "web-5d8f")));
		builder.add(pod("orphan-x", "node-2", owner("ReplicaSet", "unknown-rs")));
		builder.add(new V1ReplicaSet().metadata(meta("web-5d8f").addOwnerReferencesItem(owner("Deployment", "web"))));
		builder.add(deployment("web"));
		ClusterSnapshot snapshot = builder.build();
		Workload web = snapshot.workloads().get(0);
		assertThat(snapshot.workloads()).extracting(Workload::toString).containsExactly("Deployment shop/web");
		assertThat(snapshot.podsOf(web)).extracting(PodFacts::name).containsExactly("web-5d8f-a", "web-5d8f-b");
		assertThat(snapshot.podsOn("node-1")).hasSize(2);
		assertThat(snapshot.pods().get(2).owner()).isEqualTo(new WorkloadRef("ReplicaSet", "unknown-rs"));
	}

	@Test
	void sumsRequestsAsTheSchedulerDoesWithSidecarsAndInitContainers() {
		V1PodSpec spec = new V1PodSpec().nodeName("node-1")
			.addInitContainersItem(container("setup", "2", "64Mi", null))
			.addInitContainersItem(container("log-shipper", "100m", "128Mi", "256Mi").restartPolicy("Always"))
			.addContainersItem(container("app", "500m", "1Gi", "2Gi"))
			.addContainersItem(container("cache", "250m", "512Mi", "512Mi"))
			.overhead(Map.of("cpu", Quantity.fromString("10m")));
		PodFacts facts = ClusterSnapshot.builder().add(new V1Pod().metadata(meta("p")).spec(spec)).build().pods().get(0);
		// running: 500m + 250m + sidecar 100m = 850m; setup alone: 2000m; plus 10m overhead
		assertThat(facts.requests().cpuMillis()).isEqualTo(2010);
		assertThat(facts.requests().memoryBytes()).isEqualTo((1024 + 512 + 128) * 1024 * 1024L);
		assertThat(facts.limits().cpuMillis()).isEqualTo(Resources.UNBOUNDED);
		assertThat(facts.limits().memoryBytes()).isEqualTo(Resources.UNBOUNDED);
	}

	@Test
	void sharesRepeatedValuesBetweenPods() {
		SnapshotBuilder builder = ClusterSnapshot.builder();
		builder.add(pod("a", "node-1", owner("ReplicaSet", "web-5d8f")));
		builder.add(pod("b", "node-1", owner("ReplicaSet", "web-5d8f")));
		List<PodFacts> pods = builder.build().pods();
		assertThat(pods.get(0).labels()).isSameAs(pods.get(1).labels());
		assertThat(pods.get(0).requests()).isSameAs(pods.get(1).requests());
		assertThat(pods.get(0).nodeName()).isSameAs(pods.get(1).nodeName());
		assertThat(pods.get(0).controller()).isSameAs(pods.get(1).controller());
	}

	@Test
	void dropsSecretsAndRefusesKindsItDoesNotHold() {
		SnapshotBuilder builder = ClusterSnapshot.builder();
		builder.add(new V1Secret().metadata(meta("db")).putStringDataItem("password", "hunter2"));
		assertThat(builder.build().source().secretsDropped()).isEqualTo(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.add(new io.kubernetes.client.openapi.models.V1PersistentVolume()));
	}

	@Test
	void replacesObjectsAddedTwiceAndForgetsAKindOnRestart() {
		SnapshotBuilder builder = ClusterSnapshot.builder();
		builder.add(pod("a", "node-1", null));
		builder.add(pod("a", "node-2", null));
		ClusterSnapshot twice = builder.build();
		assertThat(twice.pods()).singleElement().satisfies((pod) -> assertThat(pod.nodeName()).isEqualTo("node-2"));
		assertThat(twice.source().warnings()).containsExactly("2 objects appeared more than once; the last of each was kept.");
		builder.restart("Pod");
		builder.add(pod("b", "node-1", null));
		assertThat(builder.build().pods()).extracting(PodFacts::name).containsExactly("b");
		assertThat(builder.build().workloads()).extracting(Workload::name).containsExactly("b");
		builder.add(deployment("web"));
		builder.restart("Deployment");
		assertThat(builder.build().workloads()).extracting(Workload::name).containsExactly("b");
	}

	@Test
	void countsEndpointsOncePerDualStackService() {
		SnapshotBuilder builder = ClusterSnapshot.builder();
		builder.add(slice("web-v4", "IPv4", true, true, false));
		builder.add(slice("web-v6", "IPv6", true, true, false));
		builder.add(slice("web-v4-2", "IPv4", true));
		assertThat(builder.build().endpoints()).containsExactly(new EndpointCount("shop", "web", 3, 1));
	}

	@Test
	void recordsGapsAndSourceMetadata() {
		ClusterSnapshot snapshot = ClusterSnapshot.builder()
			.clusterName("prod")
			.serverVersion("v1.29.3")
			.takenAt(Instant.parse("2024-05-01T00:00:00Z"))
			.gap(new Gap("NetworkPolicy", Gap.Reason.FORBIDDEN, "networkpolicies is forbidden"))
			.build();
		assertThat(snapshot.source().clusterName()).isEqualTo("prod");
		assertThat(snapshot.source().origin()).isEqualTo(SnapshotSource.Origin.LIVE);
		assertThat(snapshot.gap("NetworkPolicy")).extracting(Gap::reason).isEqualTo(Gap.Reason.FORBIDDEN);
		assertThat(snapshot.gap("Pod")).isNull();
	}

	@Test
	void keepsNodeFactsWithoutImages() {
		V1Node node = new V1Node().metadata(new V1ObjectMeta().name("gpu-1").putLabelsItem("pool", "gpu"))
			.spec(new V1NodeSpec().podCIDRs(List.of("10.244.1.0/26"))
				.addTaintsItem(new V1Taint().key("just-for-gpu-application").value("true").effect("NoExecute")))
			.status(new V1NodeStatus().putCapacityItem("nvidia.com/gpu", Quantity.fromString("2"))
				.putAllocatableItem("cpu", Quantity.fromString("7800m"))
				.putAllocatableItem("memory", Quantity.fromString("29Gi"))
				.nodeInfo(new V1NodeSystemInfo().containerRuntimeVersion("docker://20.10.23")));
		ClusterNode facts = ClusterSnapshot.builder().add(node).build().nodes().get(0);
		assertThat(facts.capacity().amount("nvidia.com/gpu")).isEqualTo(2);
		assertThat(facts.allocatable().cpuMillis()).isEqualTo(7800);
		assertThat(facts.allocatable().memoryBytes()).isEqualTo(29L * 1024 * 1024 * 1024);
		assertThat(facts.taints()).extracting(Taint::toString).containsExactly("just-for-gpu-application=true:NoExecute");
		assertThat(facts.podCidrs()).containsExactly("10.244.1.0/26");
		assertThat(facts.system().containerRuntimeVersion()).startsWith("docker://");
		assertThat(facts.ready()).isFalse();
	}

	@Test
	void derivesTheRawObjectOfTypedWorkloadsWithoutEmptyDefaults() {
		V1Deployment deployment = deployment("web");
		deployment.getSpec().getTemplate().getSpec()
			.addVolumesItem(new V1Volume().name("tmp").emptyDir(new V1EmptyDirVolumeSource()));
		Workload web = ClusterSnapshot.builder().add(deployment).build().workloads().get(0);
		Map<String, Object> object = web.object();
		assertThat(object).containsEntry("kind", "Deployment").containsKey("spec");
		assertThat(object.get("metadata")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
			.doesNotContainKeys("annotations", "finalizers");
		assertThat(object.toString()).contains("emptyDir={}");
	}

	@Test
	void toleratesByKubernetesRules() {
		Taint gpu = new Taint("just-for-gpu-application", "true", "NoExecute");
		assertThat(new Toleration(null, "Exists", null, null, null).tolerates(gpu)).isTrue();
		assertThat(new Toleration(null, "Exists", null, null, null).toleratesEverything()).isTrue();
		assertThat(new Toleration("just-for-gpu-application", "Exists", null, "NoExecute", null).tolerates(gpu)).isTrue();
		assertThat(new Toleration("just-for-gpu-application", "Equal", "false", null, null).tolerates(gpu)).isFalse();
		assertThat(new Toleration("just-for-gpu-application", null, "true", "NoSchedule", null).tolerates(gpu)).isFalse();
	}

	private static V1Pod pod(String name, String node, V1OwnerReference owner) {
		V1ObjectMeta metadata = meta(name).putLabelsItem("app", "web");
		if (owner != null) {
			metadata.addOwnerReferencesItem(owner);
		}
		return new V1Pod().metadata(metadata)
			.spec(new V1PodSpec().nodeName(node).addContainersItem(container("web", "100m", "128Mi", "256Mi")));
	}

	private static V1Deployment deployment(String name) {
		return new V1Deployment().metadata(meta(name).uid("uid-" + name))
			.spec(new V1DeploymentSpec().replicas(2)
				.selector(new V1LabelSelector().putMatchLabelsItem("app", name))
				.template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().putLabelsItem("app", name))
					.spec(new V1PodSpec().addContainersItem(container(name, "100m", "128Mi", "256Mi")))));
	}

	private static V1Container container(String name, String cpu, String memory, String memoryLimit) {
		V1ResourceRequirements resources = new V1ResourceRequirements().putRequestsItem("cpu", Quantity.fromString(cpu))
			.putRequestsItem("memory", Quantity.fromString(memory));
		if (memoryLimit != null) {
			resources.putLimitsItem("memory", Quantity.fromString(memoryLimit));
		}
		return new V1Container().name(name).image("registry.example.com/" + name + ":1").resources(resources);
	}

	private static V1ObjectMeta meta(String name) {
		return new V1ObjectMeta().name(name).namespace("shop");
	}

	private static V1OwnerReference owner(String kind, String name) {
		return new V1OwnerReference().kind(kind).name(name).controller(true).apiVersion("apps/v1").uid("uid-" + name);
	}

	private static V1EndpointSlice slice(String name, String family, boolean... ready) {
		V1EndpointSlice slice = new V1EndpointSlice().addressType(family)
			.metadata(meta(name).putLabelsItem("kubernetes.io/service-name", "web"));
		for (boolean isReady : ready) {
			slice.addEndpointsItem(new V1Endpoint().addAddressesItem("10.244.0.1")
				.conditions(new V1EndpointConditions().ready(isReady)));
		}
		return slice;
	}

}
