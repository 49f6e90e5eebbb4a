package dev.ballast.network;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.ballast.network.NetworkReport.Mask;
import dev.ballast.network.NetworkReport.Mode;
import dev.ballast.network.NetworkReport.NodeRow;
import dev.ballast.network.NetworkReport.Range;
import dev.ballast.network.NetworkReport.Source;

/**
 * The address capacity of a cluster: per family the pod CIDR, its node blocks used and free,
 * the service range and its addresses used and free; in total the pod IPs used and left on the
 * nodes and the nodes that can still join. A pure function of the stored discovery and the
 * administrator's overrides.
 *
 * @param mode the network mode applied
 * @param families per family, IPv4 first
 * @param podIpsUsed pod IPs in use on all nodes
 * @param podIpsLimit the sum over nodes of the pods each can address ({@link NodeCapacity#limit()})
 * @param podIpsFree the sum over nodes of what each can still address
 * @param nodesCanJoin node blocks still free (the smallest over families); {@code null} when not
 * bounded by node blocks or the pod range is unknown
 * @param nodesWithoutBlock nodes without a pod CIDR
 * @param exhausted whether no node block is left
 */
public record NetworkCapacity(Mode mode, List<Family> families, long podIpsUsed, long podIpsLimit, long podIpsFree,
		@Nullable Long nodesCanJoin, int nodesWithoutBlock, boolean exhausted) {

	/**
	 * The capacity of a stored report with overrides applied.
	 * @param report the stored report
	 * @param overrides the overrides, {@link NetworkOverrides#NONE} for none
	 * @return the capacity
	 */
	public static NetworkCapacity of(NetworkReport report, NetworkOverrides overrides) {
		return of(report.plugin().mode(), report.podRanges(), report.serviceRanges(), report.nodeMasks(), report.nodes(),
				report.usage().serviceIps(), overrides);
	}

	static NetworkCapacity of(Mode discovered, List<Range> podRanges, List<Range> serviceRanges, List<Mask> masks,
			List<NodeRow> nodes, Map<String, Integer> serviceIps, NetworkOverrides overrides) {
		Mode mode = (overrides.mode() != null) ? overrides.mode() : discovered;
		List<Range> pods = withOverride(podRanges, overrides.podCidrs());
		List<Range> services = withOverride(serviceRanges, overrides.serviceCidrs());
		TreeSet<String> names = new TreeSet<>();
		pods.forEach((r) -> names.add(r.family()));
		masks.forEach((m) -> names.add(m.family()));
		List<Family> families = new ArrayList<>();
		for (String name : names) {
			Integer maskOverride = (families.isEmpty()) ? overrides.nodeMask() : null;
			families.add(Family.of(name, mode, first(pods, name), first(services, name), mask(masks, name, maskOverride),
					nodes, serviceIps.getOrDefault(name, 0)));
		}
		long used = 0;
		long limit = 0;
		long free = 0;
		int withoutBlock = 0;
		for (NodeCapacity node : NodeCapacity.of(mode, nodes, overrides.maxPods())) {
			used += node.used();
			limit += node.limit();
			free += node.free();
		}
		for (NodeRow node : nodes) {
			withoutBlock += node.blocks().isEmpty() ? 1 : 0;
		}
		Long canJoin = null;
		if (mode == Mode.NODE_BLOCKS) {
			for (Family family : families) {
				if (family.blocksFree() != null) {
					canJoin = (canJoin == null) ? family.blocksFree() : Math.min(canJoin, family.blocksFree());
				}
			}
		}
		return new NetworkCapacity(mode, families, used, limit, free, canJoin, withoutBlock,
				canJoin != null && canJoin == 0);
	}

	/**
	 * The capacity per node, with overrides applied.
	 * @param report the stored report
	 * @param overrides the overrides
	 * @return the rows, by node name
	 */
	public static List<NodeCapacity> nodes(NetworkReport report, NetworkOverrides overrides) {
		Mode mode = (overrides.mode() != null) ? overrides.mode() : report.plugin().mode();
		return NodeCapacity.of(mode, report.nodes(), overrides.maxPods());
	}

	private static List<Range> withOverride(List<Range> discovered, @Nullable String override) {
		if (override == null) {
			return discovered;
		}
		List<Range> ranges = new ArrayList<>();
		for (Cidr cidr : NetworkOverrides.parseList(override)) {
			ranges.add(new Range(cidr.toString(), cidr.family(), Source.OVERRIDE, "", false));
		}
		ranges.addAll(discovered);
		return ranges;
	}

	private static @Nullable Range first(List<Range> ranges, String family) {
		for (Range range : ranges) {
			if (range.family().equals(family)) {
				return range;
			}
		}
		return null;
	}

	private static @Nullable Mask mask(List<Mask> masks, String family, @Nullable Integer override) {
		if (override != null) {
			return new Mask(family, override, Source.OVERRIDE, false);
		}
		for (Mask mask : masks) {
			if (mask.family().equals(family)) {
				return mask;
			}
		}
		return null;
	}

	/**
	 * The pods a block can address: its size less the network, gateway and broadcast addresses
	 * (IPv4), less the subnet-router anycast and gateway addresses (IPv6).
	 * @param prefix the block's prefix length
	 * @param v6 whether it is IPv6
	 * @return the count, capped at {@link Long#MAX_VALUE}
	 */
	public static long podsPerBlock(int prefix, boolean v6) {
		int hostBits = (v6 ? 128 : 32) - prefix;
		if (hostBits >= 63) {
			return Long.MAX_VALUE;
		}
		return Math.max(0, (1L << hostBits) - (v6 ? 2 : 3));
	}

	/**
	 * One family's ranges and blocks.
	 *
	 * @param family {@code IPv4} or {@code IPv6}
	 * @param pod the pod range applied, {@code null} when unknown
	 * @param mask the node mask applied, {@code null} when unknown
	 * @param podAddresses addresses in the pod range
	 * @param podsPerBlock the pods one node block can address
	 * @param blocksTotal node blocks in the pod range: {@code 2^(mask − prefix)}
	 * @param blocksReserved node blocks taken by a service range carved from the pod range
	 * (TKE GlobalRouter): {@code 2^(mask − service prefix)}, at least 1
	 * @param blocksUsed distinct node blocks inside the pod range
	 * @param blocksOutside node blocks outside the pod range (a sign the range is wrong)
	 * @param blocksFree {@code total − reserved − used}, never below 0; {@code null} when unknown
	 * @param podIpsRange pod IPs the range can ever hand out: {@code (total − reserved) × podsPerBlock}
	 * @param service the service range applied, {@code null} when unknown
	 * @param serviceAddresses the service IPs the range can assign: its size less the network
	 * address (and the broadcast address for IPv4)
	 * @param serviceIpsUsed distinct cluster IPs of Services
	 * @param serviceIpsFree what is left, {@code null} when the range is unknown
	 * @param serviceCarved whether the service range lies inside the pod range
	 */
	public record Family(String family, @Nullable Range pod, @Nullable Mask mask, @Nullable BigInteger podAddresses,
			long podsPerBlock, long blocksTotal, long blocksReserved, long blocksUsed, long blocksOutside,
			@Nullable Long blocksFree, long podIpsRange, @Nullable Range service, @Nullable BigInteger serviceAddresses,
			long serviceIpsUsed, @Nullable Long serviceIpsFree, boolean serviceCarved) {

		static Family of(String family, Mode mode, @Nullable Range podRange, @Nullable Range serviceRange,
				@Nullable Mask mask, List<NodeRow> nodes, int serviceIpsUsed) {
			Cidr pod = (podRange != null) ? Cidr.parseOrNull(podRange.cidr()) : null;
			Cidr service = (serviceRange != null) ? Cidr.parseOrNull(serviceRange.cidr()) : null;
			boolean v6 = family.equals("IPv6");
			long perBlock = (mask != null) ? NetworkCapacity.podsPerBlock(mask.mask(), v6) : 0;
			long total = (pod != null && mask != null) ? pod.blocksOf(mask.mask()) : 0;
			boolean carved = pod != null && service != null && pod.contains(service) && !pod.equals(service);
			long reserved = 0;
			if (carved && mask != null) {
				reserved = (service.prefix() <= mask.mask()) ? service.blocksOf(mask.mask()) : 1;
			}
			TreeSet<Cidr> inside = new TreeSet<>();
			TreeSet<Cidr> outside = new TreeSet<>();
			for (NodeRow node : nodes) {
				for (String text : node.blocks()) {
					Cidr block = Cidr.parseOrNull(text);
					if (block != null && block.v6() == v6) {
						((pod != null && pod.contains(block)) ? inside : outside).add(block);
					}
				}
			}
			Long free = (pod != null && mask != null && mode == Mode.NODE_BLOCKS)
					? Math.max(0, total - reserved - inside.size()) : null;
			BigInteger serviceAddresses = (service != null)
					? service.size().subtract(BigInteger.valueOf(v6 ? 1 : 2)).max(BigInteger.ZERO) : null;
			Long serviceFree = (serviceAddresses != null) ? serviceAddresses.subtract(BigInteger.valueOf(serviceIpsUsed))
				.max(BigInteger.ZERO)
				.min(BigInteger.valueOf(Long.MAX_VALUE))
				.longValue() : null;
			return new Family(family, (pod != null) ? podRange : null, mask, (pod != null) ? pod.size() : null, perBlock,
					total, reserved, inside.size(), outside.size(), free, saturated(total - reserved, perBlock),
					(service != null) ? serviceRange : null, serviceAddresses, serviceIpsUsed, serviceFree, carved);
		}

		private static long saturated(long a, long b) {
			try {
				return Math.multiplyExact(Math.max(0, a), b);
			}
			catch (ArithmeticException ex) {
				return Long.MAX_VALUE;
			}
		}

	}

}
