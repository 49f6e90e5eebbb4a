package dev.ballast.network;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestReader;

/**
 * Snapshots from YAML text, for the network tests.
 */
final class Fixtures {

	private Fixtures() {
	}

	static ClusterSnapshot read(String... documents) {
		String yaml = String.join("\n---\n", documents);
		return new ManifestReader().read("test", "test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	static String node(String name, int maxPods, String... podCidrs) {
		String cidrs = podCidrs.length == 0 ? "" : "  podCIDR: " + podCidrs[0] + "\n  podCIDRs: [" + String.join(", ", podCidrs) + "]\n";
		return """
				apiVersion: v1
				kind: Node
				metadata:
				  name: %s
				  labels: {node.kubernetes.io/instance-type: m5.large}
				spec:
				%sstatus:
				  allocatable: {pods: '%d'}
				""".formatted(name, cidrs, maxPods);
	}

	static String pod(String name, String node, String ip, boolean hostNetwork, String phase) {
		return """
				apiVersion: v1
				kind: Pod
				metadata: {name: %s, namespace: default}
				spec:
				  nodeName: %s
				  hostNetwork: %s
				  containers: [{name: app, image: nginx}]
				status:
				  phase: %s
				  podIP: %s
				  podIPs: [{ip: %s}]
				""".formatted(name, node, hostNetwork, phase, ip, ip);
	}

	static String service(String namespace, String name, String... ips) {
		return """
				apiVersion: v1
				kind: Service
				metadata: {name: %s, namespace: %s}
				spec:
				  clusterIP: %s
				  clusterIPs: [%s]
				  ports: [{port: 443}]
				""".formatted(name, namespace, ips[0], String.join(", ", ips));
	}

	static String kubeadm(String podSubnet, String serviceSubnet, int mask) {
		return """
				apiVersion: v1
				kind: ConfigMap
				metadata: {name: kubeadm-config, namespace: kube-system}
				data:
				  ClusterConfiguration: |
				    controllerManager:
				      extraArgs:
				        node-cidr-mask-size: "%d"
				    networking:
				      podSubnet: %s
				      serviceSubnet: %s
				""".formatted(mask, podSubnet, serviceSubnet);
	}

	static String daemonSet(String name, String image) {
		return """
				apiVersion: apps/v1
				kind: DaemonSet
				metadata: {name: %s, namespace: kube-system}
				spec:
				  selector: {matchLabels: {app: %s}}
				  template:
				    metadata: {labels: {app: %s}}
				    spec:
				      containers: [{name: main, image: %s}]
				""".formatted(name, name, name, image);
	}

	static List<String> nodes(int count, int mask, String prefix) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> node("n" + i, 110, prefix + i + ".0/" + mask))
			.toList();
	}

}
