package dev.ballast.sizing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.PodGroup;
import dev.ballast.sizing.SizingReport.Pool;

/**
 * What if a pool's nodes had another shape: packs the pool's real pod requests (and the pending
 * pods its labels and taints admit) first-fit decreasing onto nodes of the shape, after the
 * provider's reserve and one pod of each of the pool's DaemonSets per node. A pure function of
 * the stored {@link SizingReport}.
 */
public final class WhatIf {

	private WhatIf() {
	}

	/**
	 * A node shape to try.
	 *
	 * @param cpuMillis the machine's CPU
	 * @param memoryBytes the machine's memory
	 * @param maxPods pods per node
	 * @param gpus GPUs per node
	 * @param model the provider's reserve model
	 * @param price cost units per node, if given
	 */
	public record NodeShape(long cpuMillis, long memoryBytes, int maxPods, int gpus, ReserveModel model,
			@Nullable Double price) {
	}

	/**
	 * The packing of one pool onto one shape.
	 *
	 * @param shape the shape
	 * @param allocatable one node's allocatable after the model's reserve
	 * @param daemonSets what the pool's DaemonSets take on every node
	 * @param daemonSetPods DaemonSet pods per node
	 * @param pods pods placed (DaemonSet pods not counted)
	 * @param nodes nodes needed ({@code 0} when nothing is to be placed)
	 * @param cpuShare requested CPU (DaemonSets included) over allocatable CPU of those nodes, 0-1
	 * @param memoryShare the same for memory
	 * @param cost price × nodes, if a price was given
	 * @param largestPod the largest request an empty node still takes (allocatable minus DaemonSets)
	 * @param biggest the workload with the largest request per pod, if any
	 * @param growth how many times its request still fits an empty node (below 1: it does not fit)
	 * @param worstWorkload the workload (≥ 2 replicas) of which one node holds the largest share
	 * when replicas are spread as evenly as the node count allows
	 * @param worstShare that share, {@code ceil(replicas / nodes) / replicas}
	 * @param doesNotFit pods that fit no node of this shape
	 * @param tooSmall workloads whose pod requests more than half a node's free CPU or memory
	 * @param tooLarge workloads of which one node holds more than the allowed share
	 */
	public record Result(NodeShape shape, Amounts allocatable, Amounts daemonSets, int daemonSetPods, int pods,
			int nodes, double cpuShare, double memoryShare, @Nullable Double cost, Amounts largestPod,
			@Nullable String biggest, double growth, @Nullable String worstWorkload, double worstShare,
			List<Unplaced> doesNotFit, List<String> tooSmall, List<String> tooLarge) {
	}

	/**
	 * Pods that fit no node.
	 *
	 * @param workload {@code namespace/Kind/name}
	 * @param count pods
	 * @param request one pod's request
	 */
	public record Unplaced(String workload, int count, Amounts request) {
	}

	/**
	 * Packs a pool onto a shape.
	 * @param report the stored analysis
	 * @param pool the pool
	 * @param shape the shape
	 * @param maxShare the share of a workload one node may hold before the shape is "too large"
	 * @return the packing
	 */
	public static Result pack(SizingReport report, Pool pool, NodeShape shape, double maxShare) {
		ReserveModel.Reserve reserve = shape.model().reserve(shape.cpuMillis(), shape.memoryBytes(), shape.maxPods());
		Amounts allocatable = new Amounts(shape.cpuMillis() - reserve.cpuMillis(),
				shape.memoryBytes() - reserve.memoryBytes(), shape.gpus());
		Map<String, Amounts> daemonSets = new LinkedHashMap<>();
		List<PodGroup> groups = new ArrayList<>();
		for (PodGroup group : report.groups()) {
			boolean here = pool.name().equals(group.pool());
			if (group.daemonSet() && here) {
				daemonSets.merge(group.workload(), group.request(), WhatIf::larger);
			}
			else if (!group.daemonSet() && (here || (group.pool() == null
					&& Eligibility.fits(group, pool.labels(), pool.taints())))) {
				groups.add(group);
			}
		}
		Amounts overhead = Amounts.ZERO;
		for (Amounts request : daemonSets.values()) {
			overhead = overhead.plus(request);
		}
		Amounts free = new Amounts(allocatable.cpuMillis() - overhead.cpuMillis(),
				allocatable.memoryBytes() - overhead.memoryBytes(), allocatable.gpus() - overhead.gpus());
		int slots = shape.maxPods() - daemonSets.size();
		groups.sort(Comparator.comparingDouble((PodGroup group) -> dominant(group.request(), free))
			.reversed()
			.thenComparing(PodGroup::workload));
		Bins bins = new Bins(free, slots);
		List<Unplaced> doesNotFit = new ArrayList<>();
		Map<String, Integer> replicas = new LinkedHashMap<>();
		TreeSet<String> tooSmall = new TreeSet<>();
		Amounts placed = Amounts.ZERO;
		int pods = 0;
		PodGroup biggest = null;
		for (PodGroup group : groups) {
			Amounts request = group.request();
			if (request.cpuMillis() * 2 > free.cpuMillis() || request.memoryBytes() * 2 > free.memoryBytes()) {
				tooSmall.add(group.workload());
			}
			if (biggest == null || dominant(request, free) > dominant(biggest.request(), free)) {
				biggest = group;
			}
			if (!bins.fitsEmpty(request)) {
				doesNotFit.add(new Unplaced(group.workload(), group.count(), request));
				continue;
			}
			bins.place(request, group.count());
			placed = placed.plus(request.times(group.count()));
			pods += group.count();
			replicas.merge(group.workload(), group.count(), Integer::sum);
		}
		int nodes = bins.count();
		Amounts used = placed.plus(overhead.times(nodes));
		double cpuShare = (nodes > 0) ? (double) used.cpuMillis() / (allocatable.cpuMillis() * (double) nodes) : 0;
		double memoryShare = (nodes > 0) ? (double) used.memoryBytes() / (allocatable.memoryBytes() * (double) nodes)
				: 0;
		String worstWorkload = null;
		double worstShare = 0;
		List<String> tooLarge = new ArrayList<>();
		for (Map.Entry<String, Integer> workload : replicas.entrySet()) {
			int count = workload.getValue();
			if (count < 2 || nodes == 0) {
				continue;
			}
			double share = Math.ceil((double) count / nodes) / count;
			if (share > worstShare) {
				worstShare = share;
				worstWorkload = workload.getKey();
			}
			if (share > maxShare) {
				tooLarge.add(workload.getKey());
			}
		}
		Double cost = (shape.price() != null) ? shape.price() * nodes : null;
		double growth = (biggest != null) ? growth(biggest.request(), free) : 0;
		return new Result(shape, allocatable, overhead, daemonSets.size(), pods, nodes, cpuShare, memoryShare, cost,
				free, (biggest != null) ? biggest.workload() : null, growth, worstWorkload, worstShare, doesNotFit,
				List.copyOf(tooSmall), tooLarge);
	}

	private static Amounts larger(Amounts a, Amounts b) {
		return new Amounts(Math.max(a.cpuMillis(), b.cpuMillis()), Math.max(a.memoryBytes(), b.memoryBytes()),
				Math.max(a.gpus(), b.gpus()));
	}

	/** The largest share of a free node one pod takes. */
	static double dominant(Amounts request, Amounts free) {
		return Math.max(share(request.cpuMillis(), free.cpuMillis()),
				Math.max(share(request.memoryBytes(), free.memoryBytes()), share(request.gpus(), free.gpus())));
	}

	private static double share(long request, long free) {
		if (request == 0) {
			return 0;
		}
		return (free > 0) ? (double) request / free : Double.POSITIVE_INFINITY;
	}

	/** How many times a request fits the free room of an empty node, on its tightest resource. */
	static double growth(Amounts request, Amounts free) {
		double dominant = dominant(request, free);
		return (dominant > 0) ? 1 / dominant : 0;
	}

	/** Open nodes: the room left on each, first fit. */
	private static final class Bins {

		private final Amounts free;

		private final int slots;

		private long[] cpu = new long[16];

		private long[] memory = new long[16];

		private long[] gpus = new long[16];

		private int[] pods = new int[16];

		private int count;

		Bins(Amounts free, int slots) {
			this.free = free;
			this.slots = slots;
		}

		int count() {
			return this.count;
		}

		boolean fitsEmpty(Amounts request) {
			return this.slots > 0 && request.cpuMillis() <= this.free.cpuMillis()
					&& request.memoryBytes() <= this.free.memoryBytes() && request.gpus() <= this.free.gpus();
		}

		void place(Amounts request, int count) {
			int left = count;
			for (int node = 0; left > 0; node++) {
				if (node == this.count) {
					open();
				}
				int fit = (int) Math.min(left, Math.min(this.pods[node],
						Math.min(times(this.cpu[node], request.cpuMillis()),
								Math.min(times(this.memory[node], request.memoryBytes()),
										times(this.gpus[node], request.gpus())))));
				this.cpu[node] -= fit * request.cpuMillis();
				this.memory[node] -= fit * request.memoryBytes();
				this.gpus[node] -= fit * request.gpus();
				this.pods[node] -= fit;
				left -= fit;
			}
		}

		private static long times(long room, long request) {
			return (request == 0) ? Integer.MAX_VALUE : room / request;
		}

		private void open() {
			if (this.count == this.cpu.length) {
				int size = this.count * 2;
				this.cpu = Arrays.copyOf(this.cpu, size);
				this.memory = Arrays.copyOf(this.memory, size);
				this.gpus = Arrays.copyOf(this.gpus, size);
				this.pods = Arrays.copyOf(this.pods, size);
			}
			this.cpu[this.count] = this.free.cpuMillis();
			this.memory[this.count] = this.free.memoryBytes();
			this.gpus[this.count] = this.free.gpus();
			this.pods[this.count] = this.slots;
			this.count++;
		}

	}

}
