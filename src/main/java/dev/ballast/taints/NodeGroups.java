package dev.ballast.taints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.Taint;
import dev.ballast.taints.TaintMap.NodeGroup;
import dev.ballast.taints.TaintMap.TaintText;

/**
 * Nodes grouped by (taint set, pool label), so the matrix has a column per kind of node rather
 * than per node. A cordoned node counts the {@code node.kubernetes.io/unschedulable:NoSchedule}
 * taint Kubernetes gives it, even where the snapshot (manifests) lacks it.
 */
final class NodeGroups {

	/** Labels that name a node's pool, by provider, tried in order. */
	static final List<String> POOL_LABELS = List.of("ballast.dev/pool", "cloud.google.com/gke-nodepool",
			"eks.amazonaws.com/nodegroup", "karpenter.sh/nodepool", "kubernetes.azure.com/agentpool", "agentpool",
			"tke.cloud.tencent.com/nodepool-id", "node.kubernetes.io/pool", "pool");

	/** Labels that mark a GPU node even before its device plugin reports the resource. */
	private static final List<String> GPU_LABELS = List.of("nvidia.com/gpu.present", "cloud.google.com/gke-accelerator",
			"k8s.amazonaws.com/accelerator", "accelerator");

	/** Label keys whose value says the node has fast local disks. */
	private static final Set<String> DISK_LABELS = Set.of("disk", "disktype", "disk-type", "storage", "storage-type",
			"node.kubernetes.io/disk-type");

	private static final Set<String> FAST_DISKS = Set.of("nvme", "ssd", "local-ssd", "high-io", "highio");

	static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

	/**
	 * A group and its nodes.
	 *
	 * @param group the stored group
	 * @param members the nodes
	 */
	record Grouped(NodeGroup group, List<ClusterNode> members) {
	}

	private NodeGroups() {
	}

	static List<Grouped> of(List<ClusterNode> nodes) {
		Map<String, List<ClusterNode>> byKey = new LinkedHashMap<>();
		for (ClusterNode node : nodes) {
			byKey.computeIfAbsent(pool(node) + "\u0000" + texts(taints(node)), (key) -> new ArrayList<>()).add(node);
		}
		List<List<ClusterNode>> lists = new ArrayList<>(byKey.values());
		lists.sort(Comparator.comparing((List<ClusterNode> list) -> pool(list.get(0)) == null)
			.thenComparing((list) -> String.valueOf(pool(list.get(0))))
			.thenComparing((list) -> texts(taints(list.get(0))).toString()));
		List<Grouped> groups = new ArrayList<>();
		for (List<ClusterNode> members : lists) {
			members.sort(Comparator.comparing(ClusterNode::name));
			ClusterNode first = members.get(0);
			TreeSet<String> special = new TreeSet<>();
			for (ClusterNode node : members) {
				special.addAll(special(node));
			}
			List<TaintText> taints = taints(first).stream()
				.map((taint) -> new TaintText(taint.key(), taint.value(), taint.effect(), taint.toString()))
				.toList();
			NodeGroup group = new NodeGroup("g" + (groups.size() + 1), pool(first), taints,
					members.stream().map(ClusterNode::name).toList(), List.copyOf(special));
			groups.add(new Grouped(group, List.copyOf(members)));
		}
		return groups;
	}

	static @Nullable String pool(ClusterNode node) {
		for (String label : POOL_LABELS) {
			String value = node.labels().get(label);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * The node's taints, with the cordon taint when the node is cordoned; sorted, duplicates gone.
	 * @param node the node
	 * @return the taints the scheduler sees
	 */
	static List<Taint> taints(ClusterNode node) {
		List<Taint> taints = new ArrayList<>();
		for (Taint taint : node.taints()) {
			if (taint != null && taint.key() != null && taint.effect() != null && !taints.contains(taint)) {
				taints.add(taint);
			}
		}
		if (node.unschedulable() && taints.stream().noneMatch((taint) -> taint.key().equals(UNSCHEDULABLE))) {
			taints.add(new Taint(UNSCHEDULABLE, null, "NoSchedule"));
		}
		taints.sort(Comparator.comparing(Taint::toString));
		return taints;
	}

	/**
	 * What makes a node special: extended resources it offers, GPU labels, fast-disk labels.
	 * @param node the node
	 * @return e.g. {@code nvidia.com/gpu}, {@code disk=nvme}
	 */
	static List<String> special(ClusterNode node) {
		List<String> special = new ArrayList<>(extended(node));
		for (String label : GPU_LABELS) {
			String value = node.labels().get(label);
			if (value != null && !value.isEmpty() && !"false".equalsIgnoreCase(value)) {
				special.add(label + "=" + value);
			}
		}
		for (Map.Entry<String, String> label : node.labels().entrySet()) {
			if (DISK_LABELS.contains(label.getKey()) && label.getValue() != null
					&& FAST_DISKS.contains(label.getValue().toLowerCase(java.util.Locale.ROOT))) {
				special.add(label.getKey() + "=" + label.getValue());
			}
		}
		return special;
	}

	/**
	 * Extended resources the node offers (allocatable above zero).
	 * @param node the node
	 * @return e.g. {@code nvidia.com/gpu}
	 */
	static List<String> extended(ClusterNode node) {
		List<String> names = new ArrayList<>();
		node.allocatable().other().forEach((name, amount) -> {
			if (Constraints.isExtended(name) && amount != null && amount > 0) {
				names.add(name);
			}
		});
		return names;
	}

	private static List<String> texts(List<Taint> taints) {
		return taints.stream().map(Taint::toString).toList();
	}

}
