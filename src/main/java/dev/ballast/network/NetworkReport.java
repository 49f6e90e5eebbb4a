package dev.ballast.network;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The result of {@link NetworkAnalysis}, stored with each scan as JSON: what was discovered
 * about the network (and from which evidence), the facts per node, the usage, and the capacity
 * computed without overrides. The page and the API recompute the capacity with the cluster's
 * overrides ({@link NetworkCapacity#of}), so an override shows without a rescan.
 *
 * @param plugin the network plugin and its mode
 * @param podRanges the pod (cluster) CIDR candidates, the best first within each family
 * @param serviceRanges the service CIDR candidates, the best first within each family
 * @param nodeMasks the per-node block prefix per family, the best first
 * @param nodes the facts per node, by name
 * @param usage what is in use; {@code usage.nodes} and {@code usage.podIps} are the series
 * the forecast reads
 * @param capacity the capacity without overrides
 * @param notes what the analysis could not know, or assumed
 */
public record NetworkReport(Plugin plugin, List<Range> podRanges, List<Range> serviceRanges, List<Mask> nodeMasks,
		List<NodeRow> nodes, Usage usage, NetworkCapacity capacity, List<Note> notes) {

	/** How pods get their addresses. */
	public enum Mode {

		/** Each node owns blocks of a cluster CIDR ({@code spec.podCIDRs}): kubenet, flannel, GlobalRouter, GKE. */
		NODE_BLOCKS,

		/** Pods take addresses of the VPC through the node's network interfaces: AWS VPC CNI, TKE VPC-CNI, Azure CNI. */
		VPC_NATIVE,

		/** Nothing told how. */
		UNKNOWN

	}

	/** Where a range or mask comes from. */
	public enum Source {

		/** Entered by an administrator in Ballast. */
		OVERRIDE,

		/** {@code kube-system/kubeadm-config}: {@code podSubnet}, {@code serviceSubnet}, {@code node-cidr-mask-size}. */
		KUBEADM,

		/** {@code kube-system/kube-proxy}: {@code clusterCIDR}. */
		KUBE_PROXY,

		/** {@code kube-flannel-cfg}: {@code net-conf.json} {@code Network}. */
		FLANNEL,

		/** {@code cilium-config}: {@code cluster-pool-ipv4-cidr}. */
		CILIUM,

		/** The prefix most node blocks have ({@code spec.podCIDRs}). */
		NODE_SPECS,

		/** The smallest CIDR covering every node block: a guess. */
		NODE_BLOCKS_COVER,

		/** The {@code default/kubernetes} Service holds the range's first address; the size is a guess. */
		KUBERNETES_SERVICE,

		/** The Kubernetes default: a guess. */
		DEFAULT

	}

	/**
	 * The network plugin.
	 *
	 * @param name e.g. {@code flannel}, {@code aws-vpc-cni}, {@code tke-globalrouter}; {@code unknown}
	 * @param mode how pods get addresses
	 * @param evidence the object it was recognised by, e.g. {@code DaemonSet kube-system/kube-flannel-ds}
	 */
	public record Plugin(String name, Mode mode, String evidence) {
	}

	/**
	 * A CIDR and where it comes from.
	 *
	 * @param cidr the CIDR
	 * @param family {@code IPv4} or {@code IPv6}
	 * @param source where it comes from
	 * @param evidence the object and field, e.g. {@code kube-system/kube-proxy clusterCIDR}
	 * @param guessed whether it is an assumption rather than read configuration
	 */
	public record Range(String cidr, String family, Source source, String evidence, boolean guessed) {
	}

	/**
	 * The prefix length of each node's block.
	 *
	 * @param family {@code IPv4} or {@code IPv6}
	 * @param mask the prefix length
	 * @param source where it comes from
	 * @param guessed whether it is an assumption
	 */
	public record Mask(String family, int mask, Source source, boolean guessed) {
	}

	/**
	 * One node's facts.
	 *
	 * @param name the node
	 * @param instanceType {@code node.kubernetes.io/instance-type}, if labelled
	 * @param blocks its pod CIDR blocks
	 * @param podIps pod IPs in use on it: pods not on the host network, not finished, with an IP
	 * @param maxPods allocatable {@code pods}, {@code 0} when not reported
	 * @param eniMaxPods for a known AWS instance type, {@code ENIs × (IPv4 per ENI − 1) + 2}
	 */
	public record NodeRow(String name, @Nullable String instanceType, List<String> blocks, int podIps, int maxPods,
			@Nullable Integer eniMaxPods) {
	}

	/**
	 * What is in use.
	 *
	 * @param nodes nodes
	 * @param nodesWithoutBlock nodes without a pod CIDR
	 * @param podIps pod IPs in use (pods not on the host network, not finished, with an IP)
	 * @param hostNetworkPods pods on the host network (they take no pod IP)
	 * @param serviceIps distinct service cluster IPs per family
	 */
	public record Usage(int nodes, int nodesWithoutBlock, int podIps, int hostNetworkPods, Map<String, Integer> serviceIps) {
	}

	/**
	 * Something the reader must know, as a message code with arguments.
	 *
	 * @param code the code, the message key {@code network.note.<code>}
	 * @param args the arguments
	 */
	public record Note(String code, List<String> args) {
	}

}
