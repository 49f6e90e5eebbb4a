package dev.ballast.snapshot.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ballast.snapshot.demo.Yaml.list;
import static dev.ballast.snapshot.demo.Yaml.map;

/**
 * The demo cluster's twelve nodes in four pools, each with a /26 pod CIDR carved from the
 * cluster CIDR 10.244.0.0/20 (so at most 64 nodes will ever fit).
 */
final class DemoNodes {

	static final String CREATED = "2023-11-06T02:14:09Z";

	/** A node of the demo: name, pool, shape, runtime, zone. */
	record Node(String name, String pool, String instanceType, int cores, int memoryGi, String runtime,
			String kubelet, String zone, int gpus, List<Map<String, Object>> taints, int index) {

		String cidr() {
			return "10.244." + (this.index / 4) + "." + ((this.index % 4) * 64) + "/26";
		}

		String ip(int offset) {
			return "10.244." + (this.index / 4) + "." + ((this.index % 4) * 64 + offset);
		}

		String hostIp() {
			return "10.0.1." + (11 + this.index);
		}

	}

	private DemoNodes() {
	}

	static List<Node> all() {
		List<Node> nodes = new ArrayList<>();
		String containerd = "containerd://1.6.24";
		nodes.add(node(nodes, "general-a-1", "general", "S5.LARGE16", 4, 16, containerd, "ap-shanghai-2", 0));
		nodes.add(node(nodes, "general-a-2", "general", "S5.LARGE16", 4, 16, containerd, "ap-shanghai-2", 0));
		nodes.add(node(nodes, "general-a-3", "general", "S5.LARGE16", 4, 16, containerd, "ap-shanghai-2", 0));
		nodes.add(node(nodes, "general-b-1", "general", "S5.LARGE16", 4, 16, containerd, "ap-shanghai-3", 0));
		nodes.add(node(nodes, "general-b-2", "general", "S5.LARGE16", 4, 16, containerd, "ap-shanghai-3", 0));
		nodes.add(node(nodes, "general-c-1", "general", "S5.8XLARGE128", 32, 128, containerd, "ap-shanghai-3", 0));
		nodes.add(node(nodes, "legacy-1", "legacy", "S2.SMALL2", 1, 2, "docker://20.10.23", "ap-shanghai-2", 0));
		nodes.add(node(nodes, "legacy-2", "legacy", "S2.SMALL2", 1, 2, containerd, "ap-shanghai-3", 0));
		nodes.add(node(nodes, "gpu-1", "gpu", "GN7.2XLARGE32", 8, 32, containerd, "ap-shanghai-2", 1));
		nodes.add(node(nodes, "gpu-2", "gpu", "GN7.5XLARGE80", 20, 80, containerd, "ap-shanghai-3", 2,
				map("key", "just-for-gpu-application", "value", "true", "effect", "NoExecute")));
		nodes.add(node(nodes, "highio-1", "highio", "IT5.4XLARGE64", 16, 64, containerd, "ap-shanghai-2", 0,
				map("key", "dedicated", "value", "mysql", "effect", "NoSchedule")));
		nodes.add(node(nodes, "highio-2", "highio", "IT5.4XLARGE64", 16, 64, containerd, "ap-shanghai-3", 0,
				map("key", "dedicated", "value", "mysql", "effect", "NoSchedule")));
		return nodes;
	}

	static List<Map<String, Object>> manifests(List<Node> nodes) {
		List<Map<String, Object>> manifests = new ArrayList<>();
		for (Node node : nodes) {
			manifests.add(manifest(node));
		}
		return manifests;
	}

	private static Node node(List<Node> nodes, String name, String pool, String type, int cores, int memoryGi,
			String runtime, String zone, int gpus, Map<String, Object>... taints) {
		String kubelet = runtime.startsWith("docker") ? "v1.22.5" : "v1.28.3";
		return new Node(name, pool, type, cores, memoryGi, runtime, kubelet, zone, gpus, List.of(taints), nodes.size());
	}

	private static Map<String, Object> manifest(Node node) {
		Map<String, Object> labels = map("beta.kubernetes.io/arch", "amd64", "kubernetes.io/arch", "amd64",
				"kubernetes.io/hostname", node.name(), "kubernetes.io/os", "linux", "node.kubernetes.io/instance-type",
				node.instanceType(), "topology.kubernetes.io/zone", node.zone(), "ballast.dev/pool", node.pool());
		if (node.pool().equals("gpu")) {
			labels.put("nvidia.com/gpu.present", "true");
		}
		if (node.pool().equals("highio")) {
			labels.put("disk", "nvme");
			labels.put("workload", "mysql");
		}
		boolean tiny = node.cores() == 1;
		long allocatableMillis = node.cores() * 1000L - (tiny ? 100 : 80L + 20L * node.cores());
		String allocatableMemory = tiny ? "1300Mi" : (node.memoryGi() * 1024 - 1800 - node.memoryGi() * 20) + "Mi";
		Map<String, Object> capacity = map("cpu", String.valueOf(node.cores()), "ephemeral-storage", "103079844Ki",
				"memory", node.memoryGi() + "Gi", "pods", "61");
		Map<String, Object> allocatable = map("cpu", allocatableMillis + "m", "ephemeral-storage", "94998384074",
				"memory", allocatableMemory, "pods", "61");
		if (node.gpus() > 0) {
			capacity.put("nvidia.com/gpu", String.valueOf(node.gpus()));
			allocatable.put("nvidia.com/gpu", String.valueOf(node.gpus()));
		}
		List<Object> conditions = list(
				condition("MemoryPressure", tiny && node.index() == 6 ? "True" : "False",
						tiny && node.index() == 6 ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory"),
				condition("DiskPressure", "False", "KubeletHasNoDiskPressure"),
				condition("PIDPressure", "False", "KubeletHasSufficientPID"),
				condition("Ready", "True", "KubeletReady"));
		Map<String, Object> spec = map("podCIDR", node.cidr(), "podCIDRs", list(node.cidr()), "providerID",
				"qcloud:///" + (node.zone().endsWith("2") ? "200002" : "200003") + "/ins-" + node.name());
		if (!node.taints().isEmpty()) {
			spec.put("taints", new ArrayList<Object>(node.taints()));
		}
		return Yaml.object("v1", "Node",
				map("name", node.name(), "labels", labels, "annotations",
						map("node.alpha.kubernetes.io/ttl", "0", "flannel.alpha.coreos.com/backend-type", "vxlan",
								"flannel.alpha.coreos.com/public-ip", node.hostIp()),
						"creationTimestamp", CREATED),
				"spec", spec, "status",
				map("capacity", capacity, "allocatable", allocatable, "conditions", conditions, "addresses",
						list(map("type", "InternalIP", "address", node.hostIp()), map("type", "Hostname", "address", node.name())),
						"nodeInfo",
						map("architecture", "amd64", "containerRuntimeVersion", node.runtime(), "kernelVersion",
								"5.4.119-19-0009.11", "kubeProxyVersion", node.kubelet(), "kubeletVersion", node.kubelet(),
								"operatingSystem", "linux", "osImage", "TencentOS Server 3.1 (Final)")));
	}

	private static Map<String, Object> condition(String type, String status, String reason) {
		return map("type", type, "status", status, "reason", reason, "lastHeartbeatTime", "2024-05-01T07:58:12Z",
				"lastTransitionTime", CREATED);
	}

}
