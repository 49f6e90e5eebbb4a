package dev.ballast.sizing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.sizing.SizingReport.Shape;
import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Resources;
import dev.ballast.snapshot.Taint;

/** Sums one pool's nodes while {@link SizingAnalysis} walks them. */
final class PoolBuilder {

	/** A node whose CPU or memory is this much requested strands the other resource's rest. */
	static final double FULL = 0.9;

	private static final String INSTANCE_TYPE = "node.kubernetes.io/instance-type";

	private final String name;

	private final @Nullable String label;

	private final List<ClusterNode> nodes = new ArrayList<>();

	private final Map<String, Shape> shapes = new LinkedHashMap<>();

	private @Nullable ReserveModel model;

	private int ready;

	private Amounts capacity = Amounts.ZERO;

	private Amounts allocatable = Amounts.ZERO;

	private Amounts requests = Amounts.ZERO;

	private @Nullable Amounts usage;

	private int usageNodes;

	private int pods;

	private int podSlots;

	private int busiestPods = -1;

	private int busiestMaxPods;

	private long strandedCpu;

	private long strandedMemory;

	private Blast.Worst worst = Blast.Worst.NONE;

	private @Nullable String worstNode;

	PoolBuilder(String name, @Nullable String label) {
		this.name = name;
		this.label = label;
	}

	void add(ClusterNode node, Amounts nodeRequests, int nodePods, @Nullable Amounts nodeUsage, Blast.Worst nodeWorst) {
		this.nodes.add(node);
		if (this.model == null) {
			this.model = ReserveModel.detect(node.providerId(), node.labels());
		}
		if (node.ready()) {
			this.ready++;
		}
		Amounts nodeCapacity = SizingAnalysis.amounts(node.capacity());
		Amounts nodeAllocatable = SizingAnalysis.amounts(node.allocatable());
		int maxPods = (int) node.capacity().amount("pods");
		String type = node.labels().get(INSTANCE_TYPE);
		String key = type + "|" + nodeCapacity + "|" + nodeAllocatable + "|" + maxPods;
		Shape shape = this.shapes.get(key);
		this.shapes.put(key, new Shape(type, (shape != null) ? shape.count() + 1 : 1, nodeCapacity, nodeAllocatable,
				maxPods, Amounts.ZERO));
		this.capacity = this.capacity.plus(nodeCapacity);
		this.allocatable = this.allocatable.plus(nodeAllocatable);
		this.requests = this.requests.plus(nodeRequests);
		if (nodeUsage != null) {
			this.usage = (this.usage != null) ? this.usage.plus(nodeUsage) : nodeUsage;
			this.usageNodes++;
		}
		this.pods += nodePods;
		this.podSlots += maxPods;
		if (nodePods > this.busiestPods) {
			this.busiestPods = nodePods;
			this.busiestMaxPods = maxPods;
		}
		long freeCpu = Math.max(0, nodeAllocatable.cpuMillis() - nodeRequests.cpuMillis());
		long freeMemory = Math.max(0, nodeAllocatable.memoryBytes() - nodeRequests.memoryBytes());
		if (nodeRequests.memoryBytes() >= FULL * nodeAllocatable.memoryBytes()) {
			this.strandedCpu += freeCpu;
		}
		if (nodeRequests.cpuMillis() >= FULL * nodeAllocatable.cpuMillis()) {
			this.strandedMemory += freeMemory;
		}
		if (nodeWorst.share() > this.worst.share()) {
			this.worst = nodeWorst;
			this.worstNode = node.name();
		}
	}

	Pool build(ClusterSnapshot snapshot) {
		ReserveModel reserve = (this.model != null) ? this.model : ReserveModel.GKE;
		List<Shape> shapeList = new ArrayList<>();
		for (Shape shape : this.shapes.values()) {
			ReserveModel.Reserve predicted = reserve.reserve(shape.capacity().cpuMillis(),
					shape.capacity().memoryBytes(), shape.maxPods());
			shapeList.add(new Shape(shape.instanceType(), shape.count(), shape.capacity(), shape.allocatable(),
					shape.maxPods(), new Amounts(predicted.cpuMillis(), predicted.memoryBytes(), 0)));
		}
		TreeSet<String> zones = new TreeSet<>();
		long cpuLimits = 0;
		long memoryLimits = 0;
		long gpuLimits = 0;
		int unlimited = 0;
		for (ClusterNode node : this.nodes) {
			String zone = node.labels().get(SizingAnalysis.ZONE);
			if (zone != null) {
				zones.add(zone);
			}
			for (PodFacts pod : snapshot.podsOn(node.name())) {
				if (SizingAnalysis.active(pod)) {
					Resources limits = pod.limits();
					if (limits.cpuMillis() < 0 || limits.memoryBytes() < 0) {
						unlimited++;
					}
					cpuLimits += Math.max(0, limits.cpuMillis());
					memoryLimits += Math.max(0, limits.memoryBytes());
					gpuLimits += SizingAnalysis.amounts(limits).gpus();
				}
			}
		}
		return new Pool(this.name, this.label, this.nodes.size(), this.ready, shapeList, reserve, this.model == null,
				List.copyOf(zones), commonLabels(), commonTaints(), this.capacity, this.allocatable, this.requests,
				new Amounts(cpuLimits, memoryLimits, gpuLimits), unlimited, this.usage, this.usageNodes, this.pods,
				this.podSlots, Math.max(0, this.busiestPods), this.busiestMaxPods, this.strandedCpu,
				this.strandedMemory, this.worstNode, this.worst.workload(), this.worst.share());
	}

	private Map<String, String> commonLabels() {
		Map<String, String> common = new TreeMap<>(this.nodes.get(0).labels());
		common.remove("kubernetes.io/hostname");
		for (ClusterNode node : this.nodes) {
			common.entrySet().removeIf((entry) -> !entry.getValue().equals(node.labels().get(entry.getKey())));
		}
		return common;
	}

	private List<Taint> commonTaints() {
		List<Taint> common = new ArrayList<>(this.nodes.get(0).taints());
		for (ClusterNode node : this.nodes) {
			common.retainAll(node.taints());
		}
		return common;
	}

}
