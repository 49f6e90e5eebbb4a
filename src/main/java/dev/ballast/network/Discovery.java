package dev.ballast.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.ballast.network.NetworkReport.Mode;
import dev.ballast.network.NetworkReport.Plugin;
import dev.ballast.network.NetworkReport.Range;
import dev.ballast.network.NetworkReport.Source;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ConfigMap;
import dev.ballast.snapshot.Workload;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;

/**
 * Reads the network configuration the snapshot kept: the plugin from kube-system DaemonSets, the
 * pod and service ranges and the node mask from the network ConfigMaps.
 */
final class Discovery {

	/** DaemonSet name or image fragments, in order of precedence, with the plugin and mode they mean. */
	private static final List<String[]> PLUGINS = List.of(new String[] { "tke-eni-agent", "tke-vpc-cni", "VPC_NATIVE" },
			new String[] { "tke-route-eni", "tke-vpc-cni", "VPC_NATIVE" },
			new String[] { "aws-node", "aws-vpc-cni", "VPC_NATIVE" },
			new String[] { "amazon-k8s-cni", "aws-vpc-cni", "VPC_NATIVE" },
			new String[] { "azure-cns", "azure-cni", "VPC_NATIVE" }, new String[] { "azure-cni", "azure-cni", "VPC_NATIVE" },
			new String[] { "tke-bridge-agent", "tke-globalrouter", "NODE_BLOCKS" },
			new String[] { "cilium", "cilium", "NODE_BLOCKS" }, new String[] { "canal", "canal", "NODE_BLOCKS" },
			new String[] { "calico-node", "calico", "NODE_BLOCKS" }, new String[] { "flannel", "flannel", "NODE_BLOCKS" },
			new String[] { "kube-router", "kube-router", "NODE_BLOCKS" },
			new String[] { "antrea", "antrea", "NODE_BLOCKS" }, new String[] { "weave", "weave", "NODE_BLOCKS" });

	private static final Pattern POD_SUBNET = Pattern.compile("podSubnet:\\s*[\"']?([0-9a-fA-F:./,]+)");

	private static final Pattern SERVICE_SUBNET = Pattern.compile("serviceSubnet:\\s*[\"']?([0-9a-fA-F:./,]+)");

	private static final Pattern CLUSTER_CIDR = Pattern.compile("clusterCIDR:\\s*[\"']?([0-9a-fA-F:./,]+)");

	private static final Pattern FLANNEL_NETWORK = Pattern.compile("\"(?:IPv6)?Network\"\\s*:\\s*\"([0-9a-fA-F:./]+)\"");

	/** {@code node-cidr-mask-size[-ipv4|-ipv6]: "24"} (v1beta3) or {@code - name: … value: "24"} (v1beta4). */
	private static final Pattern MASK = Pattern
		.compile("node-cidr-mask-size(-ipv[46])?[\"']?\\s*(?::|\\n\\s*value:)\\s*[\"']?(\\d+)");

	private Discovery() {
	}

	static Plugin plugin(ClusterSnapshot snapshot) {
		for (String[] plugin : PLUGINS) {
			for (Workload workload : snapshot.workloads()) {
				if (workload.kind().equals("DaemonSet") && matches(workload, plugin[0])) {
					String evidence = "DaemonSet " + workload.namespace() + "/" + workload.name();
					return new Plugin(plugin[1], Mode.valueOf(plugin[2]), evidence);
				}
			}
		}
		boolean blocks = snapshot.nodes().stream().anyMatch((node) -> !node.podCidrs().isEmpty());
		return blocks ? new Plugin("unknown", Mode.NODE_BLOCKS, "Node spec.podCIDRs")
				: new Plugin("unknown", Mode.UNKNOWN, "");
	}

	private static boolean matches(Workload workload, String fragment) {
		if (workload.name().contains(fragment)) {
			return true;
		}
		V1PodSpec spec = workload.template().getSpec();
		if (spec == null) {
			return false;
		}
		for (V1Container container : spec.getContainers()) {
			String image = container.getImage();
			if (image != null && image.contains(fragment)) {
				return true;
			}
		}
		return false;
	}

	static List<Range> podRanges(ClusterSnapshot snapshot) {
		List<Range> ranges = new ArrayList<>();
		for (ConfigMap map : snapshot.configMaps()) {
			String all = String.join("\n", map.data().values());
			if (map.name().equals("kubeadm-config")) {
				add(ranges, POD_SUBNET, all, Source.KUBEADM, map, "podSubnet");
			}
			else if (map.name().equals("kube-proxy")) {
				add(ranges, CLUSTER_CIDR, all, Source.KUBE_PROXY, map, "clusterCIDR");
			}
			else if (map.name().equals("kube-flannel-cfg")) {
				add(ranges, FLANNEL_NETWORK, all, Source.FLANNEL, map, "net-conf.json Network");
			}
			else if (map.name().equals("cilium-config")) {
				for (String key : List.of("cluster-pool-ipv4-cidr", "cluster-pool-ipv6-cidr")) {
					addAll(ranges, map.data().get(key), Source.CILIUM, map, key);
				}
			}
		}
		ranges.sort((a, b) -> Integer.compare(a.source().ordinal(), b.source().ordinal()));
		return ranges;
	}

	static List<Range> serviceRanges(ClusterSnapshot snapshot) {
		List<Range> ranges = new ArrayList<>();
		for (ConfigMap map : snapshot.configMaps()) {
			if (map.name().equals("kubeadm-config")) {
				add(ranges, SERVICE_SUBNET, String.join("\n", map.data().values()), Source.KUBEADM, map, "serviceSubnet");
			}
		}
		for (var service : snapshot.services()) {
			if (service.namespace().equals("default") && service.name().equals("kubernetes")) {
				for (String ip : service.clusterIps()) {
					Range guess = guessFromFirstAddress(ip);
					if (guess != null && ranges.stream().noneMatch((r) -> r.family().equals(guess.family()))) {
						ranges.add(guess);
					}
				}
			}
		}
		return ranges;
	}

	/**
	 * The {@code kubernetes} Service takes the first address of the service range, so the range
	 * starts just before it. Its size is not known: /12 for kubeadm's {@code 10.96.0.1}, else /16
	 * (IPv4) or /112 (IPv6), a guess.
	 */
	static @Nullable Range guessFromFirstAddress(String ip) {
		Cidr address = Cidr.address(ip);
		if (address == null) {
			return null;
		}
		int prefix = address.v6() ? 112 : (ip.equals("10.96.0.1") ? 12 : 16);
		Cidr range = Cidr.of(address.base().subtract(java.math.BigInteger.ONE), prefix, address.v6());
		return new Range(range.toString(), range.family(), Source.KUBERNETES_SERVICE, "default/kubernetes " + ip, true);
	}

	static Map<String, Integer> masks(ClusterSnapshot snapshot) {
		Map<String, Integer> masks = new HashMap<>();
		for (ConfigMap map : snapshot.configMaps()) {
			if (map.name().equals("kubeadm-config")) {
				Matcher matcher = MASK.matcher(String.join("\n", map.data().values()));
				while (matcher.find()) {
					String family = "-ipv6".equals(matcher.group(1)) ? "IPv6" : "IPv4";
					masks.putIfAbsent(family, Integer.parseInt(matcher.group(2)));
				}
			}
		}
		return masks;
	}

	private static void add(List<Range> ranges, Pattern pattern, String text, Source source, ConfigMap map, String field) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			addAll(ranges, matcher.group(1), source, map, field);
		}
	}

	private static void addAll(List<Range> ranges, @Nullable String value, Source source, ConfigMap map, String field) {
		if (value == null) {
			return;
		}
		for (String part : value.split(",")) {
			Cidr cidr = Cidr.parseOrNull(part);
			if (cidr != null) {
				ranges.add(new Range(cidr.toString(), cidr.family(), source, map.namespace() + "/" + map.name() + " " + field,
						false));
			}
		}
	}

}
