package dev.ballast.snapshot.bench;

import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerImage;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1VolumeMount;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.SnapshotBuilder;

/**
 * How much heap a snapshot of a large cluster keeps, and how long the builder takes: 5,000
 * nodes, 15,000 Deployments with their 15,000 ReplicaSets and 150,000 pods, created one object at
 * a time as a paginated list would deliver them, then built. Prints the retained heap after GC.
 * Run with {@code bench/snapshot-memory/run.sh} (512 MiB heap). Arguments: nodes, deployments,
 * pods per deployment.
 */
public final class SnapshotMemoryBenchmark {

	private static final OffsetDateTime START = OffsetDateTime.of(2024, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC);

	private static long feedNanos;

	private SnapshotMemoryBenchmark() {
	}

	public static void main(String[] args) {
		int nodes = (args.length > 0) ? Integer.parseInt(args[0]) : 5_000;
		int deployments = (args.length > 1) ? Integer.parseInt(args[1]) : 15_000;
		int podsPerDeployment = (args.length > 2) ? Integer.parseInt(args[2]) : 10;
		long baseline = retainedBytes();
		long started = System.nanoTime();
		Feed feed = new Feed(ClusterSnapshot.builder().clusterName("bench"));
		for (int n = 0; n < nodes; n++) {
			feed.add(node(n));
		}
		int podIndex = 0;
		for (int d = 0; d < deployments; d++) {
			String namespace = "team-" + (d % 200);
			String name = "service-" + d;
			feed.add(deployment(namespace, name));
			feed.add(replicaSet(namespace, name));
			for (int p = 0; p < podsPerDeployment; p++) {
				feed.add(pod(namespace, name, p, podIndex++, nodes));
			}
		}
		long building = System.nanoTime();
		ClusterSnapshot snapshot = feed.builder.build();
		feed = null;
		long ended = System.nanoTime();
		double seconds = (ended - started) / 1e9;
		double builderSeconds = (feedNanos + ended - building) / 1e9;
		long retained = retainedBytes() - baseline;
		System.out.printf(Locale.ROOT, "nodes=%d workloads=%d pods=%d%n", snapshot.nodes().size(),
				snapshot.workloads().size(), snapshot.pods().size());
		System.out.printf(Locale.ROOT, "time: %.1f s in all, of which %.1f s in the builder (add + build), the rest making the"
				+ " synthetic objects%n", seconds, builderSeconds);
		System.out.printf(Locale.ROOT, "retained heap after GC: %.1f MiB (max heap %.0f MiB)%n", retained / 1048576.0,
				Runtime.getRuntime().maxMemory() / 1048576.0);
		System.out.printf(Locale.ROOT, "per pod (all included): %.0f bytes%n", (double) retained / snapshot.pods().size());
		if (snapshot.podsOf(snapshot.workloads().get(0)).size() != podsPerDeployment) {
			throw new IllegalStateException("owner resolution failed");
		}
	}

	/** Times the builder's own work, apart from making the objects. */
	private static final class Feed {

		private final SnapshotBuilder builder;

		Feed(SnapshotBuilder builder) {
			this.builder = builder;
		}

		void add(io.kubernetes.client.common.KubernetesObject object) {
			long start = System.nanoTime();
			this.builder.add(object);
			feedNanos += System.nanoTime() - start;
		}

	}

	private static long retainedBytes() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static V1Node node(int n) {
		List<V1ContainerImage> images = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			images.add(new V1ContainerImage().addNamesItem("registry.example.com/team/image-" + i + "@sha256:" + "a".repeat(64))
				.sizeBytes(100_000_000L));
		}
		String name = "node-" + n;
		return new V1Node()
			.metadata(new V1ObjectMeta().name(name)
				.putLabelsItem("kubernetes.io/hostname", name)
				.putLabelsItem("node.kubernetes.io/instance-type", "S5.2XLARGE32")
				.putLabelsItem("topology.kubernetes.io/zone", "zone-" + (n % 3))
				.putAnnotationsItem("node.alpha.kubernetes.io/ttl", "0")
				.creationTimestamp(START))
			.spec(new V1NodeSpec().podCIDR(cidr(n)).addPodCIDRsItem(cidr(n)).providerID("qcloud:///ins-" + n))
			.status(new V1NodeStatus().putCapacityItem("cpu", Quantity.fromString("8"))
				.putCapacityItem("memory", Quantity.fromString("32Gi"))
				.putCapacityItem("pods", Quantity.fromString("61"))
				.putAllocatableItem("cpu", Quantity.fromString("7800m"))
				.putAllocatableItem("memory", Quantity.fromString("29Gi"))
				.putAllocatableItem("pods", Quantity.fromString("61"))
				.addConditionsItem(new V1NodeCondition().type("Ready").status("True").reason("KubeletReady")
					.message("kubelet is posting ready status"))
				.addConditionsItem(new V1NodeCondition().type("MemoryPressure").status("False")
					.reason("KubeletHasSufficientMemory").message("kubelet has sufficient memory available"))
				.addAddressesItem(new V1NodeAddress().type("InternalIP").address("10.0." + (n / 250) + "." + (n % 250)))
				.nodeInfo(new V1NodeSystemInfo().containerRuntimeVersion("containerd://1.7.2").kubeletVersion("v1.29.3")
					.osImage("Ubuntu 22.04.3 LTS").kernelVersion("5.15.0-91-generic").operatingSystem("linux")
					.architecture("amd64"))
				.images(images));
	}

	private static String cidr(int n) {
		return "10." + (64 + n / 1024) + "." + ((n % 1024) / 4) + "." + ((n % 4) * 64) + "/26";
	}

	private static V1Deployment deployment(String namespace, String name) {
		return new V1Deployment().apiVersion("apps/v1").kind("Deployment")
			.metadata(new V1ObjectMeta().name(name).namespace(namespace).uid("uid-" + name).putLabelsItem("app", name)
				.putAnnotationsItem("deployment.kubernetes.io/revision", "4").creationTimestamp(START))
			.spec(new V1DeploymentSpec().replicas(10)
				.selector(new V1LabelSelector().putMatchLabelsItem("app", name))
				.template(template(name)));
	}

	private static V1ReplicaSet replicaSet(String namespace, String name) {
		return new V1ReplicaSet()
			.metadata(new V1ObjectMeta().name(name + "-7c9d8f6b5").namespace(namespace).putLabelsItem("app", name)
				.addOwnerReferencesItem(new V1OwnerReference().apiVersion("apps/v1").kind("Deployment").name(name)
					.uid("uid-" + name).controller(true)))
			.spec(new V1ReplicaSetSpec().replicas(10).selector(new V1LabelSelector().putMatchLabelsItem("app", name))
				.template(template(name)));
	}

	private static V1PodTemplateSpec template(String name) {
		List<V1EnvVar> env = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			env.add(new V1EnvVar().name("SETTING_" + i).value("value-" + i));
		}
		V1Probe probe = new V1Probe().httpGet(new V1HTTPGetAction().path("/health").port(new IntOrString(8080)))
			.periodSeconds(10);
		return new V1PodTemplateSpec().metadata(new V1ObjectMeta().putLabelsItem("app", name))
			.spec(new V1PodSpec()
				.addContainersItem(new V1Container().name("app").image("registry.example.com/team/" + name + ":1.2.3")
					.env(env)
					.addPortsItem(new V1ContainerPort().containerPort(8080))
					.readinessProbe(probe)
					.livenessProbe(probe)
					.addVolumeMountsItem(new V1VolumeMount().name("config").mountPath("/etc/app"))
					.resources(resources("500m", "1Gi")))
				.addContainersItem(new V1Container().name("proxy").image("envoyproxy/envoy:v1.29.1")
					.resources(resources("100m", "128Mi"))));
	}

	private static V1ResourceRequirements resources(String cpu, String memory) {
		return new V1ResourceRequirements().putRequestsItem("cpu", Quantity.fromString(cpu))
			.putRequestsItem("memory", Quantity.fromString(memory))
			.putLimitsItem("memory", Quantity.fromString(memory));
	}

	private static V1Pod pod(String namespace, String name, int replica, int index, int nodes) {
		boolean oom = index % 97 == 0;
		V1ContainerState last = oom ? new V1ContainerState()
			.terminated(new V1ContainerStateTerminated().reason("OOMKilled").exitCode(137)) : new V1ContainerState();
		V1PodTemplateSpec template = template(name);
		return new V1Pod()
			.metadata(new V1ObjectMeta().name(name + "-7c9d8f6b5-" + Integer.toString(36 * 36 * 36 + replica, 36))
				.namespace(namespace)
				.uid("pod-uid-" + index)
				.putLabelsItem("app", name)
				.putLabelsItem("pod-template-hash", "7c9d8f6b5")
				.addOwnerReferencesItem(new V1OwnerReference().apiVersion("apps/v1").kind("ReplicaSet")
					.name(name + "-7c9d8f6b5").uid("uid-rs-" + name).controller(true))
				.creationTimestamp(START))
			.spec(template.getSpec().nodeName("node-" + (index % nodes))
				.addTolerationsItem(new V1Toleration().key("node.kubernetes.io/not-ready").operator("Exists")
					.effect("NoExecute").tolerationSeconds(300L))
				.addTolerationsItem(new V1Toleration().key("node.kubernetes.io/unreachable").operator("Exists")
					.effect("NoExecute").tolerationSeconds(300L)))
			.status(new V1PodStatus().phase("Running")
				.podIP(ip(index))
				.addPodIPsItem(new V1PodIP().ip(ip(index)))
				.startTime(START.plusMinutes(index % 1000))
				.addConditionsItem(new V1PodCondition().type("Ready").status("True"))
				.addConditionsItem(new V1PodCondition().type("PodScheduled").status("True"))
				.addContainerStatusesItem(new V1ContainerStatus().name("app").ready(true).restartCount(oom ? 3 : 0)
					.image("registry.example.com/team/" + name + ":1.2.3").imageID("sha256:" + index)
					.containerID("containerd://" + index)
					.state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(START)))
					.lastState(last))
				.addContainerStatusesItem(new V1ContainerStatus().name("proxy").ready(true).restartCount(0)
					.image("envoyproxy/envoy:v1.29.1").imageID("sha256:envoy").containerID("containerd://p" + index)
					.state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(START)))));
	}

	private static String ip(int index) {
		return "10." + (64 + index / 65536) + "." + ((index / 256) % 256) + "." + (index % 256);
	}

}
