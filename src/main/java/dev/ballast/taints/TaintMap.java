package dev.ballast.taints;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The result of {@link TaintAnalysis}, stored with each scan as JSON: node groups (nodes sharing a
 * taint set and a pool) x scheduling profiles (workloads sharing tolerations, node selector and
 * required node affinity), where each workload may run and where its pods are. Pods are counted,
 * never listed, so the document stays small on a large cluster.
 *
 * @param totals counts over the whole cluster
 * @param groups the node groups, in pool then taint order; the matrix's columns
 * @param profiles the distinct scheduling constraints; each holds one cell per group, in
 * {@link #groups} order
 * @param rows one per workload (namespace, kind, name), with its profile and where its pods are
 * @param nodes one per node: its group, health and what runs on it
 * @param findings fencing gaps and placement problems, at most {@value TaintAnalysis#FINDINGS_PER_RULE}
 * per rule (see {@link Totals#findingsLeftOut()})
 * @param unschedulable workloads with pods the scheduler could not place, and why, per group; at most
 * {@value TaintAnalysis#FINDINGS_PER_RULE}
 * @param notes message keys of what the analysis assumed or could not know
 */
public record TaintMap(Totals totals, List<NodeGroup> groups, List<Profile> profiles, List<Row> rows,
		List<NodeEntry> nodes, List<Finding> findings, List<Unschedulable> unschedulable, List<String> notes) {

	/**
	 * Counts over the cluster.
	 *
	 * @param nodes nodes
	 * @param groups node groups
	 * @param workloads workloads (rows)
	 * @param profiles distinct scheduling profiles
	 * @param pods pods owned by the workloads
	 * @param placedPods of those, pods bound to a node
	 * @param unschedulablePods pods the scheduler marked {@code PodScheduled=False, Unschedulable}
	 * @param findingsLeftOut findings over the per-rule limit, counted but not stored
	 */
	public record Totals(int nodes, int groups, int workloads, int profiles, int pods, int placedPods,
			int unschedulablePods, int findingsLeftOut) {
	}

	/**
	 * Nodes that share a taint set and a pool label.
	 *
	 * @param id a short stable id within the document, e.g. {@code g3}
	 * @param pool the pool label's value, {@code null} when the nodes carry none
	 * @param taints the taints, as on the nodes
	 * @param nodes the nodes' names
	 * @param special what makes these nodes special: extended resources (e.g. {@code nvidia.com/gpu})
	 * and high-IO labels (e.g. {@code disk=nvme})
	 */
	public record NodeGroup(String id, @Nullable String pool, List<TaintText> taints, List<String> nodes,
			List<String> special) {

		/**
		 * Whether any taint keeps pods without a toleration off (NoSchedule or NoExecute).
		 * @return {@code true} if fenced
		 */
		public boolean fenced() {
			return this.taints.stream().anyMatch(TaintText::hard);
		}

	}

	/**
	 * A taint in its real text.
	 *
	 * @param key the key
	 * @param value the value, if any
	 * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
	 * @param text {@code key=value:Effect}, as {@code kubectl taint} writes it
	 */
	public record TaintText(String key, @Nullable String value, String effect, String text) {

		/**
		 * Whether the taint decides "may schedule" (NoSchedule, NoExecute), not just "discouraged".
		 * @return {@code true} for a hard taint
		 */
		public boolean hard() {
			return "NoSchedule".equals(this.effect) || "NoExecute".equals(this.effect);
		}

	}

	/**
	 * Scheduling constraints shared by one or more workloads.
	 *
	 * @param id the profile's index in {@link TaintMap#profiles()}
	 * @param tolerations the template's tolerations, as text
	 * @param added tolerations Kubernetes adds (admission, DaemonSet controller), as text
	 * @param selector the node selector and required node affinity, as text; empty when any node will do
	 * @param toleratesEverything whether a toleration tolerates every taint
	 * @param cells one per group, in group order
	 */
	public record Profile(int id, List<String> tolerations, List<String> added, List<String> selector,
			boolean toleratesEverything, List<Cell> cells) {
	}

	/**
	 * Whether a profile's pods may be scheduled on a group's nodes.
	 *
	 * @param verdict the answer
	 * @param allowedNodes how many of the group's nodes accept the pods
	 * @param reason for {@link Verdict#TAINT} the first taint not tolerated, for {@link Verdict#SELECTOR}
	 * and {@link Verdict#PARTIAL} the first requirement a node fails, for {@link Verdict#DISCOURAGED}
	 * the PreferNoSchedule taint not tolerated
	 * @param tolerated the group's taints that are tolerated, as text: why the pods may go there
	 */
	public record Cell(Verdict verdict, int allowedNodes, @Nullable String reason, List<String> tolerated) {
	}

	/** What a cell says. */
	public enum Verdict {

		/** Every node of the group accepts the pods. */
		ALLOWED,
		/** Allowed, but a PreferNoSchedule taint is not tolerated: the scheduler avoids the nodes. */
		DISCOURAGED,
		/** Some nodes of the group match the node selector or affinity, others do not. */
		PARTIAL,
		/** A NoSchedule or NoExecute taint is not tolerated. */
		TAINT,
		/** No node of the group matches the node selector or required node affinity. */
		SELECTOR

	}

	/**
	 * A workload and where its pods are.
	 *
	 * @param namespace the namespace
	 * @param kind the kind
	 * @param name the name
	 * @param profile its profile's id
	 * @param pods pods owned
	 * @param unschedulable of those, pods the scheduler could not place
	 * @param placed pods bound to a node, by group id
	 */
	public record Row(String namespace, String kind, String name, int profile, int pods, int unschedulable,
			Map<String, Integer> placed) {
	}

	/**
	 * A node.
	 *
	 * @param name the name
	 * @param group its group's id
	 * @param ready whether it reports {@code Ready=True}
	 * @param cordoned {@code spec.unschedulable}
	 * @param conditions conditions that are not healthy, e.g. {@code MemoryPressure=True}
	 * @param runs the workloads with pods on it
	 */
	public record NodeEntry(String name, String group, boolean ready, boolean cordoned, List<String> conditions,
			List<Placed> runs) {
	}

	/**
	 * Pods of one workload on one node.
	 *
	 * @param row the workload's index in {@link TaintMap#rows()}
	 * @param pods how many
	 */
	public record Placed(int row, int pods) {
	}

	/**
	 * A finding: a fencing gap or a placement problem.
	 *
	 * @param id the rule, e.g. {@code gpu-node-untainted}
	 * @param severity {@code danger}, {@code warning} or {@code info}
	 * @param subject the node or workload ({@code namespace/Kind/name})
	 * @param args the arguments of the message {@code taints.finding.<id>}
	 */
	public record Finding(String id, String severity, String subject, List<String> args) {
	}

	/**
	 * A workload with pods the scheduler could not place.
	 *
	 * @param row the workload's index in {@link TaintMap#rows()}
	 * @param pods unschedulable pods
	 * @param scheduler the scheduler's message on one of them, if any
	 * @param reasons why the pods cannot go to each group
	 */
	public record Unschedulable(int row, int pods, @Nullable String scheduler, List<GroupReason> reasons) {
	}

	/**
	 * Why a pod cannot go to a group.
	 *
	 * @param group the group's id
	 * @param reason the message key's last part: {@code taint}, {@code selector}, {@code partial},
	 * {@code resources}, {@code fits}
	 * @param detail the taint, the requirement, or the resource short and by how much
	 */
	public record GroupReason(String group, String reason, @Nullable String detail) {
	}

}
