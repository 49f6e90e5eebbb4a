package dev.ballast.sizing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.NodeRow;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.NodeUsage;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Resources;

/**
 * Node pools, their shapes and use, blast radius. A pure function of a snapshot: no I/O, no Spring. The scan stores its result as the
 * {@value #KIND} analysis document.
 */
public final class SizingAnalysis {

	/** The kind of the stored document. */
	public static final String KIND = "sizing";

	/**
	 * The version of the stored document's shape, raised when a field changes meaning. Version 1
	 * held no results; scans stored with it read as "no such analysis".
	 */
	public static final int VERSION = 2;

	/** The zone label. */
	static final String ZONE = "topology.kubernetes.io/zone";

	private SizingAnalysis() {
	}

	/**
	 * Analyses a snapshot with the default pool labels.
	 * @param snapshot the snapshot
	 * @return the result, stored with the scan
	 */
	public static SizingReport of(ClusterSnapshot snapshot) {
		return of(snapshot, SizingSettings.DEFAULT_POOL_LABELS);
	}

	/**
	 * Analyses a snapshot.
	 * @param snapshot the snapshot
	 * @param poolLabels the node labels that name a pool, first match wins
	 * @return the result, stored with the scan
	 */
	public static SizingReport of(ClusterSnapshot snapshot, List<String> poolLabels) {
		List<String> notes = new ArrayList<>();
		Map<String, NodeUsage> usage = new HashMap<>();
		for (NodeUsage used : snapshot.nodeUsage()) {
			usage.put(used.node(), used);
		}
		if (usage.isEmpty()) {
			notes.add("metrics-missing");
		}
		if (snapshot.nodes().isEmpty()) {
			notes.add("no-nodes");
		}
		Blast blast = Blast.of(snapshot);
		Map<String, PoolBuilder> pools = new LinkedHashMap<>();
		List<NodeRow> rows = new ArrayList<>();
		TreeSet<String> zones = new TreeSet<>();
		String firstLabel = null;
		for (ClusterNode node : snapshot.nodes()) {
			String label = poolLabel(node, poolLabels);
			String pool = (label != null) ? node.labels().get(label) : "";
			if (firstLabel == null) {
				firstLabel = label;
			}
			String zone = node.labels().get(ZONE);
			if (zone != null) {
				zones.add(zone);
			}
			Amounts requests = Amounts.ZERO;
			int pods = 0;
			for (PodFacts pod : snapshot.podsOn(node.name())) {
				if (active(pod)) {
					requests = requests.plus(amounts(pod.requests()));
					pods++;
				}
			}
			NodeUsage used = usage.get(node.name());
			Amounts nodeUsage = (used != null) ? new Amounts(used.cpuMillis(), used.memoryBytes(), 0) : null;
			Blast.Worst worst = blast.worst(node.name());
			rows.add(new NodeRow(node.name(), pool, zone, pods, amounts(node.allocatable()), requests, nodeUsage,
					worst.workload(), worst.share(), blast.workloadsOn(node.name())));
			pools.computeIfAbsent(pool, (name) -> new PoolBuilder(name, label)).add(node, requests, pods, nodeUsage, worst);
		}
		List<Pool> result = new ArrayList<>();
		for (PoolBuilder pool : pools.values()) {
			result.add(pool.build(snapshot));
		}
		result.sort(Comparator.comparingInt(Pool::nodes).reversed().thenComparing(Pool::name));
		for (Pool pool : result) {
			if (pool.modelAssumed() && !notes.contains("provider-assumed")) {
				notes.add("provider-assumed");
			}
			if (pool.shapes().size() > 1 && !notes.contains("mixed-shapes")) {
				notes.add("mixed-shapes");
			}
			if (pool.label() == null && !snapshot.nodes().isEmpty()) {
				notes.add("no-pool-label");
			}
		}
		rows.sort(Comparator.comparingDouble(NodeRow::worstShare).reversed().thenComparing(NodeRow::name));
		return new SizingReport(firstLabel, !usage.isEmpty(), List.copyOf(zones), result, rows,
				blast.exposure(snapshot, zones.size()), PodGroups.of(snapshot, rowsByNode(rows)), notes);
	}

	static @Nullable String poolLabel(ClusterNode node, List<String> poolLabels) {
		for (String label : poolLabels) {
			if (node.labels().containsKey(label)) {
				return label;
			}
		}
		return null;
	}

	/** A pod that still holds its request: not Succeeded or Failed. */
	static boolean active(PodFacts pod) {
		return !"Succeeded".equals(pod.phase()) && !"Failed".equals(pod.phase());
	}

	static Amounts amounts(Resources resources) {
		long gpus = 0;
		for (Map.Entry<String, Long> other : resources.other().entrySet()) {
			if (other.getKey().endsWith("/gpu")) {
				gpus += other.getValue();
			}
		}
		return new Amounts(resources.cpuMillis(), resources.memoryBytes(), gpus);
	}

	private static Map<String, String> rowsByNode(List<NodeRow> rows) {
		Map<String, String> pools = new HashMap<>();
		for (NodeRow row : rows) {
			pools.put(row.name(), row.pool());
		}
		return pools;
	}

}
