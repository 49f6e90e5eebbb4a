package dev.ballast.sizing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.ballast.sizing.SizingReport.Exposure;
import dev.ballast.sizing.SizingReport.Placement;
import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.PodFacts;

/**
 * Blast radius: where each workload's scheduled replicas are, so what share of it dies with one
 * node or one zone. DaemonSets (one per node by design), Jobs and CronJobs (run to completion) and
 * bare pods are left out.
 */
final class Blast {

	static final int LISTED = 200;

	private static final Set<String> SKIPPED = Set.of("DaemonSet", "Job", "CronJob");

	private static final Set<String> SERVICES = Set.of("Deployment", "StatefulSet", "ReplicaSet");

	/** Replicas per node, by workload key, in key order. */
	private final Map<String, Map<String, Integer>> replicas;

	private final Map<String, Integer> totals = new HashMap<>();

	private final Map<String, List<String>> byNode = new HashMap<>();

	private Blast(Map<String, Map<String, Integer>> replicas) {
		this.replicas = replicas;
		for (Map.Entry<String, Map<String, Integer>> workload : replicas.entrySet()) {
			int total = 0;
			for (Map.Entry<String, Integer> node : workload.getValue().entrySet()) {
				total += node.getValue();
				this.byNode.computeIfAbsent(node.getKey(), (key) -> new ArrayList<>()).add(workload.getKey());
			}
			this.totals.put(workload.getKey(), total);
		}
	}

	static Blast of(ClusterSnapshot snapshot) {
		Map<String, Map<String, Integer>> replicas = new TreeMap<>();
		for (PodFacts pod : snapshot.pods()) {
			if (pod.owner() == null || pod.nodeName() == null || !SizingAnalysis.active(pod)
					|| SKIPPED.contains(pod.owner().kind())) {
				continue;
			}
			String key = pod.namespace() + "/" + pod.owner().kind() + "/" + pod.owner().name();
			replicas.computeIfAbsent(key, (k) -> new TreeMap<>()).merge(pod.nodeName(), 1, Integer::sum);
		}
		return new Blast(replicas);
	}

	/**
	 * The workload (≥ 2 replicas) that loses the largest share with a node.
	 * @param node the node
	 * @return the workload and the share, {@link Worst#NONE} if none
	 */
	Worst worst(String node) {
		Worst worst = Worst.NONE;
		for (String workload : this.byNode.getOrDefault(node, List.of())) {
			int total = this.totals.get(workload);
			if (total < 2) {
				continue;
			}
			double share = (double) this.replicas.get(workload).get(node) / total;
			if (share > worst.share()) {
				worst = new Worst(workload, share);
			}
		}
		return worst;
	}

	int workloadsOn(String node) {
		return this.byNode.getOrDefault(node, List.of()).size();
	}

	Exposure exposure(ClusterSnapshot snapshot, int zoneCount) {
		Map<String, String> zones = new HashMap<>();
		for (ClusterNode node : snapshot.nodes()) {
			String zone = node.labels().get(SizingAnalysis.ZONE);
			if (zone != null) {
				zones.put(node.name(), zone);
			}
		}
		List<Placement> singleNode = new ArrayList<>();
		List<Placement> singleZone = new ArrayList<>();
		int singleReplica = 0;
		for (Map.Entry<String, Map<String, Integer>> workload : this.replicas.entrySet()) {
			int total = this.totals.get(workload.getKey());
			if (total == 1) {
				String kind = workload.getKey().split("/")[1];
				singleReplica += SERVICES.contains(kind) ? 1 : 0;
				continue;
			}
			Map<String, Integer> nodes = workload.getValue();
			if (nodes.size() == 1) {
				singleNode.add(new Placement(workload.getKey(), total, nodes.keySet().iterator().next()));
			}
			String zone = (zoneCount >= 2) ? onlyZone(nodes.keySet(), zones) : null;
			if (zone != null) {
				singleZone.add(new Placement(workload.getKey(), total, zone));
			}
		}
		Comparator<Placement> largest = Comparator.comparingInt(Placement::replicas).reversed()
			.thenComparing(Placement::workload);
		singleNode.sort(largest);
		singleZone.sort(largest);
		return new Exposure(List.copyOf(singleNode.subList(0, Math.min(LISTED, singleNode.size()))), singleNode.size(),
				List.copyOf(singleZone.subList(0, Math.min(LISTED, singleZone.size()))), singleZone.size(),
				singleReplica);
	}

	private static @Nullable String onlyZone(Set<String> nodes, Map<String, String> zones) {
		String only = null;
		for (String node : nodes) {
			String zone = zones.get(node);
			if (zone == null || (only != null && !only.equals(zone))) {
				return null;
			}
			only = zone;
		}
		return only;
	}

	/**
	 * The largest share of one workload lost with a node.
	 *
	 * @param workload {@code namespace/Kind/name}, {@code null} for none
	 * @param share 0-1
	 */
	record Worst(@Nullable String workload, double share) {

		static final Worst NONE = new Worst(null, 0);

	}

}
