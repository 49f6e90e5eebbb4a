package dev.ballast.snapshot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NetworkingV1Api;
import io.kubernetes.client.openapi.models.DiscoveryV1EndpointPort;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentCondition;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1Endpoint;
import io.kubernetes.client.openapi.models.V1EndpointConditions;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1EndpointSliceList;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1LimitRangeItem;
import io.kubernetes.client.openapi.models.V1LimitRangeSpec;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetList;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSetStatus;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V1Taint;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerList;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import io.kubernetes.client.openapi.models.V2MetricTarget;
import io.kubernetes.client.openapi.models.V2ResourceMetricSource;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.generic.GenericKubernetesApi;

/**
 * Fills the test control plane with a synthetic cluster, fast, as its admin: nodes in three
 * pools (one tainted for GPUs) with pod CIDRs and Ready status, namespaces with LimitRange,
 * ResourceQuota and NetworkPolicy, and per ten pods a Deployment, its ReplicaSet, a Service, an
 * EndpointSlice and a ConfigMap (a PodDisruptionBudget for every third, an HPA for every fifth).
 * Pods are created bound to their node ({@code spec.nodeName}) and get a Running status through
 * the status subresource, so neither scheduler nor kubelet is needed; the controller-manager must
 * be stopped before {@code objects} (else it would create pods of its own for the ReplicaSets).
 * <p>
 * {@code SyntheticCluster <admin.kubeconfig> namespaces <nodes>}, then
 * {@code SyntheticCluster <admin.kubeconfig> objects <nodes> [pods per node]}.
 */
public final class SyntheticCluster {

	private static final OffsetDateTime START = OffsetDateTime.of(2024, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC);

	private static final int REPLICAS = 10;

	private final ApiClient client;

	private final CoreV1Api core;

	private final AppsV1Api apps;

	private final int nodes;

	private final AtomicLong requests = new AtomicLong();

	private SyntheticCluster(ApiClient client, int nodes) {
		this.client = client;
		this.core = new CoreV1Api(client);
		this.apps = new AppsV1Api(client);
		this.nodes = nodes;
	}

	public static void main(String[] args) throws Exception {
		ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(Files.newBufferedReader(Path.of(args[0]))))
			.build();
		client.setReadTimeout(120_000);
		int nodes = Integer.parseInt(args[2]);
		SyntheticCluster cluster = new SyntheticCluster(client, nodes);
		long start = System.nanoTime();
		if (args[1].equals("namespaces")) {
			cluster.namespaces();
		}
		else {
			cluster.objects((args.length > 3) ? Integer.parseInt(args[3]) : 30);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "%s: %d requests in %.1f s (%.0f/s)%n", args[1], cluster.requests.get(), seconds,
				cluster.requests.get() / seconds);
	}

	static int namespaceCount(int nodes) {
		return Math.max(10, nodes / 10);
	}

	static String namespace(int index) {
		return String.format(Locale.ROOT, "bench-ns-%03d", index);
	}

	/** Namespaces with their policies; waits for the controller-manager's default ServiceAccounts. */
	private void namespaces() throws Exception {
		NetworkingV1Api networking = new NetworkingV1Api(this.client);
		run(namespaceCount(this.nodes), (n) -> {
			String ns = namespace(n);
			call(() -> this.core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(ns)
				.putLabelsItem("team", "team-" + (n % 7)))).execute());
			call(() -> this.core.createNamespacedLimitRange(ns, new V1LimitRange().metadata(meta("defaults", ns))
				.spec(new V1LimitRangeSpec().addLimitsItem(new V1LimitRangeItem().type("Container")
					.putDefaultItem("cpu", Quantity.fromString("500m"))
					.putDefaultRequestItem("cpu", Quantity.fromString("100m"))))).execute());
			call(() -> this.core.createNamespacedResourceQuota(ns, new V1ResourceQuota().metadata(meta("compute", ns))
				.spec(new V1ResourceQuotaSpec().putHardItem("pods", Quantity.fromString("100000")))).execute());
			call(() -> networking.createNamespacedNetworkPolicy(ns, new V1NetworkPolicy().metadata(meta("default-deny", ns))
				.spec(new V1NetworkPolicySpec().podSelector(new V1LabelSelector()).addPolicyTypesItem("Ingress")))
				.execute());
			while (this.core.listNamespacedServiceAccount(ns).execute().getItems().isEmpty()
					|| this.core.listNamespacedConfigMap(ns).execute().getItems().isEmpty()) {
				Thread.sleep(200);
			}
		});
	}

	private void objects(int podsPerNode) throws Exception {
		run(this.nodes, (n) -> call(() -> this.core.createNode(node(n)).execute()));
		int deployments = this.nodes * podsPerNode / REPLICAS;
		int namespaces = namespaceCount(this.nodes);
		GenericKubernetesApi<V1EndpointSlice, V1EndpointSliceList> slices = new GenericKubernetesApi<>(
				V1EndpointSlice.class, V1EndpointSliceList.class, "discovery.k8s.io", "v1beta1", "endpointslices",
				this.client);
		GenericKubernetesApi<V1PodDisruptionBudget, V1PodDisruptionBudgetList> budgets = new GenericKubernetesApi<>(
				V1PodDisruptionBudget.class, V1PodDisruptionBudgetList.class, "policy", "v1beta1", "poddisruptionbudgets",
				this.client);
		GenericKubernetesApi<V2HorizontalPodAutoscaler, V2HorizontalPodAutoscalerList> autoscalers = new GenericKubernetesApi<>(
				V2HorizontalPodAutoscaler.class, V2HorizontalPodAutoscalerList.class, "autoscaling", "v2beta2",
				"horizontalpodautoscalers", this.client);
		run(deployments, (d) -> {
			String ns = namespace(d % namespaces);
			String name = String.format(Locale.ROOT, "svc-%05d", d);
			V1Deployment deployment = call(() -> this.apps.createNamespacedDeployment(ns, deployment(ns, name)).execute());
			deployment.status(new V1DeploymentStatus().replicas(REPLICAS).readyReplicas(REPLICAS)
				.availableReplicas(REPLICAS).updatedReplicas(REPLICAS).observedGeneration(1L)
				.addConditionsItem(new V1DeploymentCondition().type("Available").status("True")
					.reason("MinimumReplicasAvailable")));
			call(() -> this.apps.replaceNamespacedDeploymentStatus(name, ns, deployment).execute());
			V1ReplicaSet replicaSet = call(() -> this.apps.createNamespacedReplicaSet(ns, replicaSet(ns, name,
					deployment.getMetadata().getUid())).execute());
			replicaSet.status(new V1ReplicaSetStatus().replicas(REPLICAS).readyReplicas(REPLICAS)
				.availableReplicas(REPLICAS).fullyLabeledReplicas(REPLICAS).observedGeneration(1L));
			call(() -> this.apps.replaceNamespacedReplicaSetStatus(replicaSet.getMetadata().getName(), ns, replicaSet)
				.execute());
			V1EndpointSlice slice = new V1EndpointSlice().apiVersion("discovery.k8s.io/v1beta1").kind("EndpointSlice")
				.metadata(meta(name + "-abcde", ns).putLabelsItem("kubernetes.io/service-name", name))
				.addressType("IPv4")
				.addPortsItem(new DiscoveryV1EndpointPort().name("http").port(8080).protocol("TCP"));
			for (int r = 0; r < REPLICAS; r++) {
				int index = d * REPLICAS + r;
				V1Pod pod = call(() -> this.core.createNamespacedPod(ns, pod(ns, name, index, replicaSet)).execute());
				pod.status(status(index));
				call(() -> this.core.replaceNamespacedPodStatus(pod.getMetadata().getName(), ns, pod).execute());
				slice.addEndpointsItem(new V1Endpoint().addAddressesItem(ip(index))
					.conditions(new V1EndpointConditions().ready(true))
					.targetRef(new V1ObjectReference().kind("Pod").namespace(ns).name(pod.getMetadata().getName())));
			}
			call(() -> this.core.createNamespacedService(ns, new V1Service().metadata(meta(name, ns))
				.spec(new V1ServiceSpec().putSelectorItem("app", name)
					.addPortsItem(new V1ServicePort().name("http").port(80).targetPort(new IntOrString(8080)))))
				.execute());
			call(() -> slices.create(slice).throwsApiException());
			call(() -> this.core.createNamespacedConfigMap(ns, new V1ConfigMap().metadata(meta(name + "-config", ns))
				.putDataItem("app.yaml", "server:\n  port: 8080\nlogging:\n  level: info\nfeature-flags: [a, b, c]\n"))
				.execute());
			if (d % 3 == 0) {
				call(() -> budgets.create(new V1PodDisruptionBudget().apiVersion("policy/v1beta1")
					.kind("PodDisruptionBudget").metadata(meta(name, ns))
					.spec(new V1PodDisruptionBudgetSpec().minAvailable(new IntOrString("50%"))
						.selector(new V1LabelSelector().putMatchLabelsItem("app", name))))
					.throwsApiException());
			}
			if (d % 5 == 0) {
				call(() -> autoscalers.create(new V2HorizontalPodAutoscaler().apiVersion("autoscaling/v2beta2")
					.kind("HorizontalPodAutoscaler").metadata(meta(name, ns))
					.spec(new V2HorizontalPodAutoscalerSpec().minReplicas(REPLICAS).maxReplicas(3 * REPLICAS)
						.scaleTargetRef(new V2CrossVersionObjectReference().apiVersion("apps/v1").kind("Deployment")
							.name(name))
						.addMetricsItem(new V2MetricSpec().type("Resource").resource(new V2ResourceMetricSource()
							.name("cpu").target(new V2MetricTarget().type("Utilization").averageUtilization(70))))))
					.throwsApiException());
			}
		});
	}

	/** Runs {@code count} tasks on 32 threads, printing the request rate every 10 seconds. */
	private void run(int count, Task task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(32, (runnable) -> {
			Thread thread = new Thread(runnable);
			thread.setDaemon(true);
			return thread;
		});
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			futures.add(pool.submit(() -> {
				task.run(index);
				return null;
			}));
		}
		long last = System.nanoTime();
		long lastCount = this.requests.get();
		for (int i = 0; i < futures.size(); i++) {
			futures.get(i).get();
			if (System.nanoTime() - last > 10e9) {
				long now = this.requests.get();
				System.out.printf(Locale.ROOT, "  %d/%d done, %.0f requests/s%n", i + 1, count,
						(now - lastCount) / ((System.nanoTime() - last) / 1e9));
				last = System.nanoTime();
				lastCount = now;
			}
		}
		pool.shutdown();
	}

	private <T> T call(ThrowingSupplier<T> request) throws Exception {
		this.requests.incrementAndGet();
		return request.get();
	}

	private V1Node node(int n) {
		String pool = (n % 10 < 7) ? "general" : (n % 10 < 9) ? "memory" : "gpu";
		String name = String.format(Locale.ROOT, "bench-node-%05d", n);
		String cidr = "10." + (n / 256) + "." + (n % 256) + ".0/24";
		V1NodeSpec spec = new V1NodeSpec().podCIDR(cidr).addPodCIDRsItem(cidr).providerID("gce://bench/zone/" + name);
		if (pool.equals("gpu")) {
			spec.addTaintsItem(new V1Taint().key("nvidia.com/gpu").value("present").effect("NoSchedule"));
		}
		String memory = pool.equals("memory") ? "64Gi" : "32Gi";
		return new V1Node()
			.metadata(new V1ObjectMeta().name(name)
				.putLabelsItem("kubernetes.io/hostname", name)
				.putLabelsItem("kubernetes.io/os", "linux")
				.putLabelsItem("node.kubernetes.io/instance-type", pool.equals("memory") ? "n2-highmem-8" : "n2-standard-8")
				.putLabelsItem("topology.kubernetes.io/zone", "europe-west1-" + "bcd".charAt(n % 3))
				.putLabelsItem("cloud.google.com/gke-nodepool", pool))
			.spec(spec)
			.status(new V1NodeStatus().putCapacityItem("cpu", Quantity.fromString("8"))
				.putCapacityItem("memory", Quantity.fromString(memory))
				.putCapacityItem("pods", Quantity.fromString("110"))
				.putAllocatableItem("cpu", Quantity.fromString("7910m"))
				.putAllocatableItem("memory", Quantity.fromString(memory))
				.putAllocatableItem("pods", Quantity.fromString("110"))
				.addConditionsItem(new V1NodeCondition().type("Ready").status("True").reason("KubeletReady")
					.message("kubelet is posting ready status"))
				.addConditionsItem(new V1NodeCondition().type("MemoryPressure").status("False")
					.reason("KubeletHasSufficientMemory").message("kubelet has sufficient memory available"))
				.addAddressesItem(new V1NodeAddress().type("InternalIP").address("172.16." + (n / 250) + "." + (n % 250)))
				.nodeInfo(new V1NodeSystemInfo().containerRuntimeVersion("containerd://1.6.20").kubeletVersion("v1.20.2")
					.kubeProxyVersion("v1.20.2").osImage("Ubuntu 20.04.6 LTS").kernelVersion("5.15.0-91-generic")
					.operatingSystem("linux").architecture("amd64").machineID(name).systemUUID(name).bootID(name)));
	}

	private static V1Deployment deployment(String ns, String name) {
		return new V1Deployment().metadata(meta(name, ns).putLabelsItem("app", name))
			.spec(new V1DeploymentSpec().replicas(REPLICAS)
				.selector(new V1LabelSelector().putMatchLabelsItem("app", name))
				.template(template(name)));
	}

	private static V1ReplicaSet replicaSet(String ns, String name, String deploymentUid) {
		V1PodTemplateSpec template = template(name);
		template.getMetadata().putLabelsItem("pod-template-hash", "7c9d8f6b5");
		return new V1ReplicaSet()
			.metadata(meta(name + "-7c9d8f6b5", ns).putLabelsItem("app", name)
				.putLabelsItem("pod-template-hash", "7c9d8f6b5")
				.putAnnotationsItem("deployment.kubernetes.io/revision", "1")
				.addOwnerReferencesItem(new V1OwnerReference().apiVersion("apps/v1").kind("Deployment").name(name)
					.uid(deploymentUid).controller(true).blockOwnerDeletion(true)))
			.spec(new V1ReplicaSetSpec().replicas(REPLICAS)
				.selector(new V1LabelSelector().putMatchLabelsItem("app", name)
					.putMatchLabelsItem("pod-template-hash", "7c9d8f6b5"))
				.template(template));
	}

	private static V1PodTemplateSpec template(String name) {
		List<V1EnvVar> env = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			env.add(new V1EnvVar().name("SETTING_" + i).value("value-" + i));
		}
		V1Probe probe = new V1Probe().httpGet(new V1HTTPGetAction().path("/health").port(new IntOrString(8080)))
			.periodSeconds(10);
		return new V1PodTemplateSpec().metadata(new V1ObjectMeta().putLabelsItem("app", name))
			.spec(new V1PodSpec().automountServiceAccountToken(false)
				.addContainersItem(new V1Container().name("app").image("registry.example.com/team/" + name + ":1.2.3")
					.env(env)
					.addPortsItem(new V1ContainerPort().containerPort(8080))
					.readinessProbe(probe)
					.livenessProbe(probe)
					.addVolumeMountsItem(new V1VolumeMount().name("config").mountPath("/etc/app"))
					.resources(resources("500m", "1Gi")))
				.addContainersItem(new V1Container().name("proxy").image("envoyproxy/envoy:v1.29.1")
					.resources(resources("100m", "128Mi")))
				.addVolumesItem(new V1Volume().name("config")
					.configMap(new V1ConfigMapVolumeSource().name(name + "-config"))));
	}

	private static V1ResourceRequirements resources(String cpu, String memory) {
		return new V1ResourceRequirements().putRequestsItem("cpu", Quantity.fromString(cpu))
			.putRequestsItem("memory", Quantity.fromString(memory))
			.putLimitsItem("memory", Quantity.fromString(memory));
	}

	private V1Pod pod(String ns, String name, int index, V1ReplicaSet owner) {
		// client-java reads an absent overhead as an empty map, and 1.20 refuses a pod with one
		V1PodTemplateSpec template = owner.getSpec().getTemplate();
		String node = String.format(Locale.ROOT, "bench-node-%05d", index % this.nodes);
		return new V1Pod()
			.metadata(new V1ObjectMeta().name(owner.getMetadata().getName() + "-" + Integer.toString(36 * 36 * 36 * 36
					+ index % REPLICAS * 7919, 36))
				.namespace(ns)
				.labels(template.getMetadata().getLabels())
				.addOwnerReferencesItem(new V1OwnerReference().apiVersion("apps/v1").kind("ReplicaSet")
					.name(owner.getMetadata().getName()).uid(owner.getMetadata().getUid()).controller(true)
					.blockOwnerDeletion(true)))
			.spec(template.getSpec().nodeName(node).overhead(null));
	}

	private V1PodStatus status(int index) {
		String hostIp = "172.16." + ((index % this.nodes) / 250) + "." + ((index % this.nodes) % 250);
		return new V1PodStatus().phase("Running").qosClass("Burstable").hostIP(hostIp)
			.podIP(ip(index))
			.addPodIPsItem(new V1PodIP().ip(ip(index)))
			.startTime(START.plusMinutes(index % 1000))
			.addConditionsItem(new V1PodCondition().type("Initialized").status("True"))
			.addConditionsItem(new V1PodCondition().type("Ready").status("True"))
			.addConditionsItem(new V1PodCondition().type("ContainersReady").status("True"))
			.addConditionsItem(new V1PodCondition().type("PodScheduled").status("True"))
			.addContainerStatusesItem(running("app", "registry.example.com/team/app:1.2.3", index))
			.addContainerStatusesItem(running("proxy", "envoyproxy/envoy:v1.29.1", index));
	}

	private static V1ContainerStatus running(String name, String image, int index) {
		return new V1ContainerStatus().name(name).ready(true).started(true).restartCount(0).image(image)
			.imageID(image + "@sha256:" + "0123456789abcdef".repeat(4))
			.containerID("containerd://" + String.format(Locale.ROOT, "%064x", (long) index * 31 + name.length()))
			.state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(START)));
	}

	/** The pod's IP in its node's /24 (pods of a node numbered from .2). */
	private String ip(int index) {
		int node = index % this.nodes;
		return "10." + (node / 256) + "." + (node % 256) + "." + (2 + index / this.nodes);
	}

	private static V1ObjectMeta meta(String name, String ns) {
		return new V1ObjectMeta().name(name).namespace(ns);
	}

	@FunctionalInterface
	private interface Task {

		void run(int index) throws Exception;

	}

	@FunctionalInterface
	private interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

}
