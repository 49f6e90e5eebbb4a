package dev.ballast.taints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Taint;
import dev.ballast.snapshot.Workload;
import dev.ballast.taints.NodeGroups.Grouped;
import dev.ballast.taints.TaintMap.Cell;
import dev.ballast.taints.TaintMap.NodeEntry;
import dev.ballast.taints.TaintMap.Placed;
import dev.ballast.taints.TaintMap.Profile;
import dev.ballast.taints.TaintMap.Row;
import dev.ballast.taints.TaintMap.Totals;
import dev.ballast.taints.TaintMap.Verdict;

/**
 * The taint map. A pure function of a snapshot: no I/O, no Spring. The scan stores its result as the
 * {@value #KIND} analysis document.
 * <p>
 * Only NoSchedule and NoExecute taints decide whether pods may be scheduled; a PreferNoSchedule
 * taint not tolerated makes a cell "discouraged". Taints are checked before the node selector and
 * affinity, in the scheduler's filter order, so a cell names the taint first.
 */
public final class TaintAnalysis {

	/** The kind of the stored document. */
	public static final String KIND = "taints";

	/**
	 * The version of the stored document's shape, raised when a field changes meaning. Version 1
	 * held no results; scans stored with it read as "no such analysis".
	 */
	public static final int VERSION = 2;

	/** Findings kept per rule; the rest are counted in {@link Totals#findingsLeftOut()}. */
	public static final int FINDINGS_PER_RULE = 200;

	private TaintAnalysis() {
	}

	/**
	 * Analyses a snapshot.
	 * @param snapshot the snapshot
	 * @return the result, stored with the scan
	 */
	public static TaintMap of(ClusterSnapshot snapshot) {
		List<Grouped> groups = NodeGroups.of(snapshot.nodes());
		Map<String, String> groupOfNode = new HashMap<>();
		for (Grouped grouped : groups) {
			grouped.members().forEach((node) -> groupOfNode.put(node.name(), grouped.group().id()));
		}
		List<Workload> workloads = new ArrayList<>(snapshot.workloads());
		workloads.sort(Comparator.comparing(Workload::namespace).thenComparing(Workload::kind).thenComparing(Workload::name));
		Map<String, List<PodFacts>> bare = new HashMap<>();
		for (PodFacts pod : snapshot.pods()) {
			if (pod.owner() == null) {
				bare.put(pod.namespace() + "/" + pod.name(), List.of(pod));
			}
		}
		Map<String, Integer> profileIds = new HashMap<>();
		List<Profile> profiles = new ArrayList<>();
		List<Constraints> constraintsOfProfile = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		List<List<PodFacts>> podsOfRow = new ArrayList<>();
		Map<String, Map<Integer, Integer>> runsOnNode = new HashMap<>();
		int pods = 0;
		int placedPods = 0;
		int unschedulablePods = 0;
		for (Workload workload : workloads) {
			Constraints constraints = Constraints.of(workload);
			Integer profile = profileIds.get(constraints.key());
			if (profile == null) {
				profile = profiles.size();
				profileIds.put(constraints.key(), profile);
				profiles.add(profile(profile, constraints, groups));
				constraintsOfProfile.add(constraints);
			}
			List<PodFacts> owned = "Pod".equals(workload.kind())
					? bare.getOrDefault(workload.namespace() + "/" + workload.name(), List.of()) : snapshot.podsOf(workload);
			Map<String, Integer> placed = new TreeMap<>();
			int unschedulable = 0;
			for (PodFacts pod : owned) {
				if (pod.nodeName() != null) {
					String group = groupOfNode.get(pod.nodeName());
					if (group != null) {
						placed.merge(group, 1, Integer::sum);
					}
					runsOnNode.computeIfAbsent(pod.nodeName(), (name) -> new LinkedHashMap<>()).merge(rows.size(), 1,
							Integer::sum);
					placedPods++;
				}
				else if (unschedulable(pod)) {
					unschedulable++;
				}
			}
			pods += owned.size();
			unschedulablePods += unschedulable;
			rows.add(new Row(workload.namespace(), workload.kind(), workload.name(), profile, owned.size(), unschedulable,
					placed));
			podsOfRow.add(owned);
		}
		List<NodeEntry> nodes = new ArrayList<>();
		for (Grouped grouped : groups) {
			for (ClusterNode node : grouped.members()) {
				List<Placed> runs = new ArrayList<>();
				runsOnNode.getOrDefault(node.name(), Map.of()).forEach((row, count) -> runs.add(new Placed(row, count)));
				nodes.add(new NodeEntry(node.name(), grouped.group().id(), node.ready(), node.unschedulable(),
						conditions(node), runs));
			}
		}
		Fencing fencing = new Fencing(snapshot, groups, rows, profiles, constraintsOfProfile, podsOfRow);
		fencing.run();
		Totals totals = new Totals(nodes.size(), groups.size(), rows.size(), profiles.size(), pods, placedPods,
				unschedulablePods, fencing.leftOut());
		return new TaintMap(totals, groups.stream().map(Grouped::group).toList(), profiles, rows, nodes,
				fencing.findings(), fencing.unschedulable(), notes(snapshot, constraintsOfProfile));
	}

	static boolean unschedulable(PodFacts pod) {
		PodFacts.Condition scheduled = pod.condition("PodScheduled");
		return pod.nodeName() == null && "Pending".equals(pod.phase()) && scheduled != null
				&& "Unschedulable".equals(scheduled.reason());
	}

	private static Profile profile(int id, Constraints constraints, List<Grouped> groups) {
		List<Cell> cells = new ArrayList<>();
		for (Grouped grouped : groups) {
			cells.add(cell(constraints, grouped));
		}
		return new Profile(id, constraints.tolerations().stream().map(Constraints::text).toList(),
				constraints.added().stream().map(Constraints::text).toList(), NodeMatch.describe(constraints),
				constraints.toleratesEverything(), cells);
	}

	/**
	 * Whether pods with these constraints may go to a group's nodes.
	 * @param constraints the pods' constraints
	 * @param grouped the group
	 * @return the cell
	 */
	static Cell cell(Constraints constraints, Grouped grouped) {
		List<String> tolerated = new ArrayList<>();
		String discouraged = null;
		for (Taint taint : NodeGroups.taints(grouped.members().get(0))) {
			boolean hard = !"PreferNoSchedule".equals(taint.effect());
			if (constraints.tolerates(taint)) {
				tolerated.add(taint.toString());
			}
			else if (hard) {
				return new Cell(Verdict.TAINT, 0, taint.toString(), List.of());
			}
			else if (discouraged == null) {
				discouraged = taint.toString();
			}
		}
		int allowed = 0;
		String mismatch = null;
		for (ClusterNode node : grouped.members()) {
			String failed = NodeMatch.mismatch(constraints, node);
			if (failed == null) {
				allowed++;
			}
			else if (mismatch == null) {
				mismatch = failed;
			}
		}
		if (allowed == 0) {
			return new Cell(Verdict.SELECTOR, 0, mismatch, tolerated);
		}
		if (allowed < grouped.members().size()) {
			return new Cell(Verdict.PARTIAL, allowed, mismatch, tolerated);
		}
		return (discouraged != null) ? new Cell(Verdict.DISCOURAGED, allowed, discouraged, tolerated)
				: new Cell(Verdict.ALLOWED, allowed, null, tolerated);
	}

	private static List<String> conditions(ClusterNode node) {
		List<String> unhealthy = new ArrayList<>();
		for (ClusterNode.Condition condition : node.conditions()) {
			boolean ready = condition.type().equals("Ready");
			boolean bad = ready ? !"True".equals(condition.status()) : "True".equals(condition.status());
			if (bad) {
				unhealthy.add(condition.type() + "=" + condition.status());
			}
		}
		if (node.condition("Ready") == null) {
			unhealthy.add("Ready=Unknown");
		}
		return unhealthy;
	}

	private static List<String> notes(ClusterSnapshot snapshot, List<Constraints> profiles) {
		List<String> notes = new ArrayList<>();
		notes.add("taints.note.defaults");
		if (profiles.stream().anyMatch((constraints) -> !constraints.extended().isEmpty())) {
			notes.add("taints.note.extended");
		}
		if (snapshot.gap("Node") != null) {
			notes.add("taints.note.no-nodes");
		}
		if (snapshot.gap("Pod") != null) {
			notes.add("taints.note.no-pods");
		}
		return notes;
	}

}
