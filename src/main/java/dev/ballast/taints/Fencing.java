package dev.ballast.taints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.taints.NodeGroups.Grouped;
import dev.ballast.taints.TaintMap.Cell;
import dev.ballast.taints.TaintMap.Finding;
import dev.ballast.taints.TaintMap.GroupReason;
import dev.ballast.taints.TaintMap.Profile;
import dev.ballast.taints.TaintMap.Row;
import dev.ballast.taints.TaintMap.TaintText;
import dev.ballast.taints.TaintMap.Unschedulable;
import dev.ballast.taints.TaintMap.Verdict;

/**
 * The findings of the taint map: special nodes without a fence, pods on GPU nodes that request no
 * GPU, tolerations of everything, NoExecute taints that evict DaemonSets, and pods the scheduler
 * could not place with the reason per node group.
 */
final class Fencing {

	private final ClusterSnapshot snapshot;

	private final List<Grouped> groups;

	private final List<Row> rows;

	private final List<Profile> profiles;

	private final List<Constraints> constraints;

	private final List<List<PodFacts>> podsOfRow;

	private final Map<String, List<Finding>> findings = new LinkedHashMap<>();

	private final List<Unschedulable> unschedulable = new ArrayList<>();

	private final Map<String, ClusterNode> nodes = new HashMap<>();

	private final Map<String, List<String>> offered = new HashMap<>();

	private final Free free;

	private int leftOut;

	Fencing(ClusterSnapshot snapshot, List<Grouped> groups, List<Row> rows, List<Profile> profiles,
			List<Constraints> constraints, List<List<PodFacts>> podsOfRow) {
		this.snapshot = snapshot;
		this.groups = groups;
		this.rows = rows;
		this.profiles = profiles;
		this.constraints = constraints;
		this.podsOfRow = podsOfRow;
		this.free = new Free(snapshot);
		for (Grouped grouped : groups) {
			grouped.members().forEach((node) -> this.nodes.put(node.name(), node));
		}
		for (String id : List.of("unschedulable-pod", "daemonset-evicted-by-noexecute", "gpu-node-untainted",
				"gpu-pod-without-gpu-request", "tolerates-everything")) {
			this.findings.put(id, new ArrayList<>());
		}
	}

	void run() {
		for (Grouped grouped : this.groups) {
			if (!grouped.group().special().isEmpty() && !fenced(grouped)) {
				for (ClusterNode node : grouped.members()) {
					List<String> special = NodeGroups.special(node);
					if (!special.isEmpty()) {
						add("gpu-node-untainted", "warning", node.name(), node.name(), String.join(", ", special));
					}
				}
			}
		}
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			Constraints constraints = this.constraints.get(row.profile());
			String subject = row.namespace() + "/" + row.kind() + "/" + row.name();
			boolean daemonSet = "DaemonSet".equals(row.kind());
			if (constraints.toleratesEverything()) {
				add("tolerates-everything", daemonSet ? "info" : "warning", subject, subject);
			}
			if (daemonSet) {
				evictions(row, subject, constraints);
			}
			else {
				gpuWithoutRequest(subject, constraints, this.podsOfRow.get(i));
			}
			if (row.unschedulable() > 0) {
				unschedulable(i, row, subject);
			}
		}
	}

	List<Finding> findings() {
		List<Finding> all = new ArrayList<>();
		this.findings.values().forEach(all::addAll);
		return all;
	}

	List<Unschedulable> unschedulable() {
		return this.unschedulable;
	}

	int leftOut() {
		return this.leftOut;
	}

	/** A group is fenced by a NoSchedule or NoExecute taint of its own (not a condition's). */
	private static boolean fenced(Grouped grouped) {
		for (TaintText taint : grouped.group().taints()) {
			if (taint.hard() && !taint.key().startsWith("node.kubernetes.io/")) {
				return true;
			}
		}
		return false;
	}

	private void evictions(Row row, String subject, Constraints constraints) {
		Profile profile = this.profiles.get(row.profile());
		for (int g = 0; g < this.groups.size(); g++) {
			Grouped grouped = this.groups.get(g);
			Cell cell = profile.cells().get(g);
			if (cell.verdict() != Verdict.TAINT) {
				continue;
			}
			TaintText blocking = grouped.group().taints().stream()
				.filter((taint) -> taint.text().equals(cell.reason()))
				.findFirst()
				.orElse(null);
			boolean selected = grouped.members().stream().anyMatch((node) -> NodeMatch.mismatch(constraints, node) == null);
			if (blocking != null && "NoExecute".equals(blocking.effect()) && selected) {
				add("daemonset-evicted-by-noexecute", constraints.selective() ? "warning" : "danger", subject, subject,
						blocking.text(), String.valueOf(grouped.members().size()), label(grouped));
			}
		}
	}

	private void gpuWithoutRequest(String subject, Constraints constraints, List<PodFacts> pods) {
		TreeSet<String> nodes = new TreeSet<>();
		int count = 0;
		for (PodFacts pod : pods) {
			ClusterNode node = (pod.nodeName() != null) ? this.nodes.get(pod.nodeName()) : null;
			if (node == null) {
				continue;
			}
			List<String> offered = this.offered.computeIfAbsent(node.name(), (name) -> NodeGroups.extended(node));
			boolean gpuNode = offered.stream().anyMatch((name) -> name.contains("gpu"));
			boolean requests = offered.stream().anyMatch((name) -> constraints.extended().contains(name)
					|| pod.requests().amount(name) > 0 || pod.limits().amount(name) > 0);
			if (gpuNode && !requests) {
				count++;
				nodes.add(node.name());
			}
		}
		if (count > 0) {
			add("gpu-pod-without-gpu-request", "warning", subject, subject, String.valueOf(count),
					String.join(", ", nodes));
		}
	}

	private void unschedulable(int index, Row row, String subject) {
		PodFacts pending = this.podsOfRow.get(index).stream().filter(TaintAnalysis::unschedulable).findFirst().orElse(null);
		if (pending == null) {
			return;
		}
		PodFacts.Condition scheduled = pending.condition("PodScheduled");
		String message = (scheduled != null) ? scheduled.message() : null;
		add("unschedulable-pod", "danger", subject, subject, String.valueOf(row.unschedulable()),
				(message != null) ? message : "");
		if (this.unschedulable.size() >= TaintAnalysis.FINDINGS_PER_RULE) {
			return;
		}
		Profile profile = this.profiles.get(row.profile());
		Constraints constraints = this.constraints.get(row.profile());
		List<GroupReason> reasons = new ArrayList<>();
		for (int g = 0; g < this.groups.size(); g++) {
			Grouped grouped = this.groups.get(g);
			Cell cell = profile.cells().get(g);
			String id = grouped.group().id();
			if (cell.verdict() == Verdict.TAINT || cell.verdict() == Verdict.SELECTOR) {
				reasons.add(new GroupReason(id, cell.verdict() == Verdict.TAINT ? "taint" : "selector", cell.reason()));
				continue;
			}
			List<ClusterNode> allowed = grouped.members().stream()
				.filter((node) -> NodeMatch.mismatch(constraints, node) == null)
				.toList();
			String shortOf = this.free.shortOf(pending, allowed);
			reasons.add(new GroupReason(id, (shortOf != null) ? "resources" : "fits", shortOf));
		}
		this.unschedulable.add(new Unschedulable(index, row.unschedulable(), message, reasons));
	}

	private static String label(Grouped grouped) {
		return (grouped.group().pool() != null) ? grouped.group().pool() : grouped.group().id();
	}

	private void add(String id, String severity, String subject, String... args) {
		List<Finding> list = this.findings.get(id);
		if (list.size() >= TaintAnalysis.FINDINGS_PER_RULE) {
			this.leftOut++;
			return;
		}
		list.add(new Finding(id, severity, subject, List.of(args)));
	}

	/**
	 * What each node has left: allocatable minus the requests of the pods bound to it that have
	 * not finished, computed once per node when first asked.
	 */
	static final class Free {

		private final ClusterSnapshot snapshot;

		private final Map<String, Map<String, Long>> left = new HashMap<>();

		Free(ClusterSnapshot snapshot) {
			this.snapshot = snapshot;
		}

		/**
		 * The first resource the pod needs more of than any of the nodes has left.
		 * @param pod the pod
		 * @param nodes the nodes it may go to
		 * @return what is short, e.g. {@code memory: 1536Mi > 866Mi} (requested > most left on one node), or
		 * {@code null} when a node fits it
		 */
		@Nullable String shortOf(PodFacts pod, List<ClusterNode> nodes) {
			if (nodes.isEmpty()) {
				return null;
			}
			Map<String, Long> wanted = new LinkedHashMap<>();
			wanted.put("cpu", pod.requests().cpuMillis());
			wanted.put("memory", pod.requests().memoryBytes());
			wanted.put("pods", 1L);
			pod.requests().other().forEach(wanted::put);
			Map<String, Long> best = new HashMap<>();
			for (ClusterNode node : nodes) {
				Map<String, Long> left = left(node);
				boolean fits = true;
				for (Map.Entry<String, Long> want : wanted.entrySet()) {
					long has = left.getOrDefault(want.getKey(), 0L);
					best.merge(want.getKey(), has, Math::max);
					fits &= want.getValue() <= 0 || want.getValue() <= has;
				}
				if (fits) {
					return null;
				}
			}
			List<String> missing = new ArrayList<>();
			for (Map.Entry<String, Long> want : wanted.entrySet()) {
				long has = best.getOrDefault(want.getKey(), 0L);
				if (want.getValue() > 0 && want.getValue() > has) {
					missing.add(want.getKey() + ": " + amount(want.getKey(), want.getValue()) + " > "
							+ amount(want.getKey(), Math.max(has, 0)));
				}
			}
			return missing.isEmpty() ? null : String.join("; ", missing);
		}

		private Map<String, Long> left(ClusterNode node) {
			return this.left.computeIfAbsent(node.name(), (name) -> {
				Map<String, Long> left = new HashMap<>();
				left.put("cpu", node.allocatable().cpuMillis());
				left.put("memory", node.allocatable().memoryBytes());
				left.putAll(node.allocatable().other());
				for (PodFacts pod : this.snapshot.podsOn(name)) {
					if ("Succeeded".equals(pod.phase()) || "Failed".equals(pod.phase())) {
						continue;
					}
					left.merge("cpu", -pod.requests().cpuMillis(), Long::sum);
					left.merge("memory", -pod.requests().memoryBytes(), Long::sum);
					left.merge("pods", -1L, Long::sum);
					pod.requests().other().forEach((resource, amount) -> left.merge(resource, -amount, Long::sum));
				}
				return left;
			});
		}

		static String amount(String resource, long amount) {
			if (resource.equals("cpu")) {
				return amount + "m";
			}
			if (resource.equals("memory") || resource.equals("ephemeral-storage")) {
				return (amount / (1024 * 1024)) + "Mi";
			}
			return String.valueOf(amount);
		}

	}

}
