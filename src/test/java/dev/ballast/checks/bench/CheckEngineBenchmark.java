package dev.ballast.checks.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;

import dev.ballast.checks.CheckConfiguration;
import dev.ballast.checks.CheckEngine;
import dev.ballast.checks.CheckReport;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.SnapshotBuilder;

/**
 * Throughput of the check engine in workloads per second over a large synthetic cluster: by
 * default 5,000 nodes, 200 namespaces, 15,000 Deployments (with ReplicaSets, a Service each, a
 * PodDisruptionBudget for every other one, a NetworkPolicy per namespace) and 150,000 pods, a
 * mix of good and bad practice (root containers, missing probes, OOM kills). Runs every built-in
 * check with the default configuration: one warm-up run, then RUNS timed runs; prints the median.
 * Run with {@code bench/checks/run.sh [DEPLOYMENTS PODS_PER_DEPLOYMENT RUNS]}.
 */
public final class CheckEngineBenchmark {

	private CheckEngineBenchmark() {
	}

	public static void main(String[] args) {
		int deployments = (args.length > 0) ? Integer.parseInt(args[0]) : 15_000;
		int podsPer = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		long building = System.nanoTime();
		ClusterSnapshot snapshot = snapshot(deployments, podsPer);
		System.out.printf(Locale.ROOT, "snapshot: %d nodes, %d namespaces, %d workloads, %d pods, %d services (built in %.1f s)%n",
				snapshot.nodes().size(), snapshot.namespaces().size(), snapshot.workloads().size(), snapshot.pods().size(),
				snapshot.services().size(), (System.nanoTime() - building) / 1e9);
		CheckEngine engine = CheckEngine.standard();
		CheckReport report = engine.run(snapshot, CheckConfiguration.defaults());
		System.out.printf(Locale.ROOT, "warm-up: %d findings, %d checks, cluster score %d (%s)%n", report.findings().size(),
				report.results().size(), report.cluster().value(), report.cluster().grade());
		List<Double> seconds = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			long started = System.nanoTime();
			report = engine.run(snapshot, CheckConfiguration.defaults());
			double elapsed = (System.nanoTime() - started) / 1e9;
			seconds.add(elapsed);
			System.out.printf(Locale.ROOT, "run %d: %.2f s, %.0f workloads/s%n", run + 1, elapsed,
					snapshot.workloads().size() / elapsed);
		}
		seconds.sort(Double::compare);
		double median = seconds.get(seconds.size() / 2);
		System.out.printf(Locale.ROOT, "median: %.2f s for %d workloads and %d pods = %.0f workloads/s (heap max %.0f MiB)%n",
				median, snapshot.workloads().size(), snapshot.pods().size(), snapshot.workloads().size() / median,
				Runtime.getRuntime().maxMemory() / 1048576.0);
	}

	/**
	 * The synthetic cluster: a node per three Deployments, a namespace per 75, each Deployment with
	 * its ReplicaSet, a Service, a PodDisruptionBudget for every other one and its pods.
	 */
	public static ClusterSnapshot snapshot(int deployments, int podsPer) {
		int nodes = Math.max(3, deployments / 3);
		int namespaces = Math.max(1, deployments / 75);
		SnapshotBuilder builder = ClusterSnapshot.builder().clusterName("bench");
		for (int n = 0; n < nodes; n++) {
			builder.add(node(n));
		}
		for (int ns = 0; ns < namespaces; ns++) {
			builder.add(new V1Namespace().metadata(new V1ObjectMeta().name("team-" + ns)));
			builder.add(new V1NetworkPolicy().metadata(new V1ObjectMeta().name("default-deny").namespace("team-" + ns))
				.spec(new V1NetworkPolicySpec().podSelector(new V1LabelSelector()).addPolicyTypesItem("Ingress")));
		}
		int pod = 0;
		for (int d = 0; d < deployments; d++) {
			String namespace = "team-" + (d % namespaces);
			String name = "service-" + d;
			builder.add(deployment(namespace, name, d));
			builder.add(replicaSet(namespace, name, d));
			builder.add(service(namespace, name));
			if (d % 2 == 0) {
				builder.add(budget(namespace, name));
			}
			for (int p = 0; p < podsPer; p++) {
				builder.add(pod(namespace, name, d, p, pod++, nodes));
			}
		}
		return builder.build();
	}

	private static V1Node node(int n) {
		String name = "node-" + n;
		return new V1Node()
			.metadata(new V1ObjectMeta().name(name)
				.putLabelsItem("kubernetes.io/hostname", name)
				.putLabelsItem("topology.kubernetes.io/zone", "zone-" + (n % 3)))
			.status(new V1NodeStatus().putAllocatableItem("cpu", Quantity.fromString("8"))
				.putAllocatableItem("memory", Quantity.fromString("32Gi"))
				.putAllocatableItem("pods", Quantity.fromString("110"))
				.addConditionsItem(new V1NodeCondition().type("Ready").status("True"))
				.nodeInfo(new V1NodeSystemInfo().containerRuntimeVersion((n % 50 == 0) ? "docker://20.10.23"
						: "containerd://1.7.2").kubeletVersion("v1.29.3")));
	}

	private static V1Deployment deployment(String namespace, String name, int d) {
		return new V1Deployment().apiVersion("apps/v1").kind("Deployment")
			.metadata(new V1ObjectMeta().name(name).namespace(namespace).uid("uid-" + name).putLabelsItem("app", name))
			.spec(new V1DeploymentSpec().replicas(10).selector(new V1LabelSelector().putMatchLabelsItem("app", name))
				.template(template(name, d)));
	}

	private static V1ReplicaSet replicaSet(String namespace, String name, int d) {
		return new V1ReplicaSet()
			.metadata(new V1ObjectMeta().name(name + "-7c9d8f6b5").namespace(namespace)
				.addOwnerReferencesItem(new V1OwnerReference().apiVersion("apps/v1").kind("Deployment").name(name)
					.uid("uid-" + name).controller(true)))
			.spec(new V1ReplicaSetSpec().replicas(10).selector(new V1LabelSelector().putMatchLabelsItem("app", name))
				.template(template(name, d)));
	}

	private static V1PodTemplateSpec template(String name, int d) {
		List<V1EnvVar> env = new ArrayList<>();
		for (int i = 0; i < ((d % 7 == 0) ? 14 : 4); i++) {
			env.add(new V1EnvVar().name("SETTING_" + i).value("value-" + i));
		}
		if (d % 5 == 0) {
			env.add(new V1EnvVar().name("JAVA_OPTS").value("-Xmx1g"));
		}
		V1Probe probe = new V1Probe().httpGet(new V1HTTPGetAction().path("/health").port(new IntOrString(8080)));
		V1Container app = new V1Container().name("app").image("registry.example.com/team/" + name + ":1.2.3")
			.env(env)
			.addPortsItem(new V1ContainerPort().containerPort(8080))
			.resources(new V1ResourceRequirements().putRequestsItem("cpu", Quantity.fromString("500m"))
				.putRequestsItem("memory", Quantity.fromString("1Gi"))
				.putLimitsItem("memory", Quantity.fromString("1Gi")))
			.securityContext(new V1SecurityContext().allowPrivilegeEscalation(d % 3 != 0).runAsNonRoot(d % 4 != 0));
		if (d % 2 == 0) {
			app.readinessProbe(probe).livenessProbe(probe);
		}
		return new V1PodTemplateSpec().metadata(new V1ObjectMeta().putLabelsItem("app", name))
			.spec(new V1PodSpec().addContainersItem(app)
				.addContainersItem(new V1Container().name("proxy").image((d % 10 == 0) ? "envoyproxy/envoy:latest"
						: "envoyproxy/envoy:v1.29.1")));
	}

	private static V1Service service(String namespace, String name) {
		return new V1Service().metadata(new V1ObjectMeta().name(name).namespace(namespace))
			.spec(new V1ServiceSpec().putSelectorItem("app", name).addPortsItem(new V1ServicePort().port(80)));
	}

	private static V1PodDisruptionBudget budget(String namespace, String name) {
		return new V1PodDisruptionBudget().apiVersion("policy/v1").metadata(new V1ObjectMeta().name(name).namespace(namespace))
			.spec(new V1PodDisruptionBudgetSpec().maxUnavailable(new IntOrString(1))
				.selector(new V1LabelSelector().putMatchLabelsItem("app", name)));
	}

	private static V1Pod pod(String namespace, String name, int d, int replica, int index, int nodes) {
		boolean oom = index % 97 == 0;
		V1ContainerStatus status = new V1ContainerStatus().name("app").ready(true).restartCount(oom ? 6 : 0)
			.image("x").imageID("x");
		if (oom) {
			status.lastState(new V1ContainerState().terminated(new V1ContainerStateTerminated().reason("OOMKilled").exitCode(137)));
		}
		int node = (d % 20 == 0) ? (d % nodes) : (index % nodes);
		return new V1Pod()
			.metadata(new V1ObjectMeta().name(name + "-7c9d8f6b5-" + replica).namespace(namespace)
				.putLabelsItem("app", name)
				.addOwnerReferencesItem(new V1OwnerReference().apiVersion("apps/v1").kind("ReplicaSet")
					.name(name + "-7c9d8f6b5").uid("uid-rs-" + name).controller(true)))
			.spec(template(name, d).getSpec().nodeName("node-" + node))
			.status(new V1PodStatus().phase("Running").addContainerStatusesItem(status));
	}

}
