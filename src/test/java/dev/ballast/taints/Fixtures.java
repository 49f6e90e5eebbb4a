package dev.ballast.taints;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestReader;

/**
 * Small clusters written as YAML, for the taint map's tests.
 */
final class Fixtures {

	private Fixtures() {
	}

	static ClusterSnapshot read(String... documents) {
		String yaml = String.join("\n---\n", documents);
		return new ManifestReader().read("test", "test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A ready node.
	 * @param name the name
	 * @param pool the {@code ballast.dev/pool} label
	 * @param spec extra spec lines in flow style, e.g. {@code taints: [{key: a, value: b, effect: NoSchedule}]}
	 * @param extra extra allocatable, e.g. {@code nvidia.com/gpu: '1'}
	 * @return the YAML
	 */
	static String node(String name, String pool, String spec, String extra) {
		return """
				apiVersion: v1
				kind: Node
				metadata:
				  name: %s
				  labels: {kubernetes.io/hostname: %s, ballast.dev/pool: %s}
				spec: {%s}
				status:
				  allocatable: {cpu: '4', memory: 16Gi, pods: '110'%s}
				  conditions: [{type: Ready, status: 'True'}]
				""".formatted(name, name, pool, spec, extra.isEmpty() ? "" : ", " + extra);
	}

	static String node(String name, String pool) {
		return node(name, pool, "", "");
	}

	static String tainted(String name, String pool, String taint) {
		return node(name, pool, "taints: [" + taint + "]", "");
	}

	/**
	 * A workload with one container.
	 * @param kind Deployment or DaemonSet
	 * @param name the name
	 * @param podSpec extra pod spec lines, indented by six spaces
	 * @return the YAML
	 */
	static String workload(String kind, String name, String podSpec) {
		return """
				apiVersion: apps/v1
				kind: %s
				metadata: {name: %s, namespace: apps}
				spec:
				  selector: {matchLabels: {app: %s}}
				  template:
				    metadata: {labels: {app: %s}}
				    spec:
				%s
				""".formatted(kind, name, name, name, (podSpec.contains("containers:") ? podSpec
						: "containers: [{name: app, image: app:1}]\n" + podSpec).indent(6).stripTrailing());
	}

	static String deployment(String name, String podSpec) {
		return workload("Deployment", name, podSpec);
	}

	static String daemonSet(String name, String podSpec) {
		return workload("DaemonSet", name, podSpec);
	}

	/**
	 * A bare pod, bound to a node or left pending by the scheduler.
	 * @param name the name
	 * @param nodeName the node, or {@code null} for an unschedulable pod
	 * @param resources the container's resources in flow style, e.g. {@code requests: {cpu: '1'}}
	 * @param podSpec extra pod spec lines, indented by two spaces
	 * @return the YAML
	 */
	static String pod(String name, String nodeName, String resources, String podSpec) {
		String status = (nodeName != null) ? "status: {phase: Running}" : """
				status:
				  phase: Pending
				  conditions: [{type: PodScheduled, status: 'False', reason: Unschedulable, message: '0/3 nodes are available'}]""";
		return """
				apiVersion: v1
				kind: Pod
				metadata: {name: %s, namespace: apps}
				spec:
				  %s
				  containers: [{name: app, image: app:1, resources: {%s}}]
				%s
				%s
				""".formatted(name, (nodeName != null) ? "nodeName: " + nodeName : "", resources,
				podSpec.indent(2).stripTrailing(), status);
	}

}
