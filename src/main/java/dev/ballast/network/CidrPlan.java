package dev.ballast.network;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The smallest IPv4 cluster CIDR and node mask that hold a target with headroom.
 * <p>
 * Node mask: the smallest block with at least twice as many addresses as pods (Kubernetes and
 * GKE reserve twice the addresses so an address is not reused at once: 110 pods → /24, 64 →
 * /25, 32 → /26, 16 → /27, 8 → /28), and never fewer than pods + 3 (network, gateway,
 * broadcast). Cluster CIDR: the longest prefix whose {@code 2^(mask − prefix)} blocks hold
 * {@code ⌈nodes × (100 + headroom) / 100⌉} blocks plus, when the service range is carved from
 * the same CIDR (TKE GlobalRouter), the blocks it covers.
 *
 * @param nodes target nodes
 * @param podsPerNode target pods per node
 * @param headroomPercent growth room above the target
 * @param services service IPs carved from the same CIDR (GlobalRouter), {@code 0} when the
 * service range is separate
 * @param nodeMask the node block prefix
 * @param podsPerBlock pods one block can address
 * @param blocksNeeded blocks for the target with headroom
 * @param serviceBlocks blocks the carved service range takes
 * @param clusterPrefix the cluster CIDR prefix
 * @param nodesFit nodes the cluster CIDR holds: {@code 2^(mask − prefix) − serviceBlocks}
 * @param growth how many times the target the plan holds: {@code nodesFit ÷ nodes}
 * @param sizes the GKE-style table: per pods-per-node option, its mask and the prefix it needs
 * @param prefixes around the plan: per cluster prefix, the nodes and pods it holds
 * @param currentNodesFit nodes the cluster's current pod range holds with the planned mask, if known
 * @param warnings message codes {@code network.plan.warning.<code>}
 */
public record CidrPlan(int nodes, int podsPerNode, int headroomPercent, int services, int nodeMask, long podsPerBlock,
		long blocksNeeded, long serviceBlocks, int clusterPrefix, long nodesFit, double growth, List<Size> sizes,
		List<Prefix> prefixes, @Nullable Long currentNodesFit, List<String> warnings) {

	/** Pods per node of GKE's table. */
	private static final List<Integer> POD_OPTIONS = List.of(8, 16, 32, 64, 110, 128, 256);

	/**
	 * Plans a cluster CIDR.
	 * @param nodes target nodes, at least 1
	 * @param podsPerNode pods per node, at least 1
	 * @param headroomPercent growth room in percent, at least 0
	 * @param services service IPs carved from the CIDR, 0 when separate
	 * @param current the cluster's current pod range, if known
	 * @return the plan; {@code clusterPrefix} below 8 means no IPv4 private range holds it
	 * (warning {@code too-large})
	 */
	public static CidrPlan of(int nodes, int podsPerNode, int headroomPercent, int services, @Nullable Cidr current) {
		int mask = nodeMask(podsPerNode);
		long needed = (long) Math.ceil(nodes * (100.0 + headroomPercent) / 100.0);
		long serviceBlocks = serviceBlocks(services, mask);
		int prefix = mask - log2Ceil(needed + serviceBlocks);
		long fit = (1L << (mask - prefix)) - serviceBlocks;
		List<String> warnings = new ArrayList<>();
		if (prefix < 8) {
			warnings.add("too-large");
		}
		if (headroomPercent < 100) {
			warnings.add("little-headroom");
		}
		Long currentFit = null;
		if (current != null && !current.v6() && current.prefix() <= mask) {
			currentFit = current.blocksOf(mask) - serviceBlocks;
			if (currentFit < needed) {
				warnings.add("current-too-small");
			}
		}
		List<Size> sizes = new ArrayList<>();
		TreeSet<Integer> options = new TreeSet<>(POD_OPTIONS);
		options.add(podsPerNode);
		for (int pods : options) {
			int m = nodeMask(pods);
			long blocks = serviceBlocks(services, m);
			sizes.add(new Size(pods, m, 1L << (32 - m), m - log2Ceil(needed + blocks), pods == podsPerNode));
		}
		List<Prefix> prefixes = new ArrayList<>();
		for (int p = Math.max(0, prefix - 2); p <= Math.min(mask, prefix + 2); p++) {
			long holds = Math.max(0, (1L << (mask - p)) - serviceBlocks);
			prefixes.add(new Prefix(p, holds, holds * Math.min(podsPerNode, NetworkCapacity.podsPerBlock(mask, false)),
					p == prefix));
		}
		return new CidrPlan(nodes, podsPerNode, headroomPercent, services, mask,
				NetworkCapacity.podsPerBlock(mask, false), needed, serviceBlocks, prefix, fit, (double) fit / nodes, sizes,
				prefixes, currentFit, warnings);
	}

	/**
	 * The node mask for a pod limit: the smallest IPv4 block with at least {@code max(2 × pods, pods + 3)} addresses.
	 * @param podsPerNode the pod limit
	 * @return the prefix length
	 */
	public static int nodeMask(int podsPerNode) {
		long addresses = Math.max(2L * podsPerNode, podsPerNode + 3L);
		return 32 - log2Ceil(addresses);
	}

	private static long serviceBlocks(int services, int mask) {
		if (services <= 0) {
			return 0;
		}
		int servicePrefix = 32 - log2Ceil(services);
		return (servicePrefix <= mask) ? 1L << (mask - servicePrefix) : 1;
	}

	/** The smallest n with 2^n ≥ value. */
	static int log2Ceil(long value) {
		return (value <= 1) ? 0 : 64 - Long.numberOfLeadingZeros(value - 1);
	}

	/**
	 * One row of the GKE-style table.
	 *
	 * @param podsPerNode the pod limit
	 * @param nodeMask its node block prefix
	 * @param addresses addresses per node block
	 * @param clusterPrefix the cluster prefix the target needs with it
	 * @param chosen whether it is the planned pod limit
	 */
	public record Size(int podsPerNode, int nodeMask, long addresses, int clusterPrefix, boolean chosen) {
	}

	/**
	 * One cluster prefix around the plan.
	 *
	 * @param prefix the prefix
	 * @param nodes nodes it holds with the planned mask
	 * @param pods pods those nodes hold
	 * @param chosen whether it is the plan
	 */
	public record Prefix(int prefix, long nodes, long pods, boolean chosen) {
	}

}
