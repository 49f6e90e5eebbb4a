package dev.ballast.scan;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What changed between two landed scans of a cluster. Findings are compared by subject, check,
 * container and field; only findings that count (not exempted) take part, so a finding exempted
 * since the base scan is listed as fixed. Only what both scans looked at is compared: the findings
 * of a check that did not run in either scan (turned off, or missing a kind), and of a kind
 * either snapshot could not read (a gap), are neither new nor fixed; workloads of such a kind are
 * neither added nor removed.
 *
 * @param base the earlier scan
 * @param target the later scan
 * @param scoreChange the cluster's score in the target minus in the base
 * @param newFindings failing in the target, not in the base
 * @param fixedFindings failing in the base, not in the target
 * @param unchanged how many failing findings are in both
 * @param workloadsAdded workloads in the target only
 * @param workloadsRemoved workloads in the base only
 * @param namespaces score change per namespace, biggest drop first
 */
public record ScanDiff(Scan base, Scan target, int scoreChange, List<FindingRow> newFindings,
		List<FindingRow> fixedFindings, int unchanged, List<WorkloadName> workloadsAdded,
		List<WorkloadName> workloadsRemoved, List<NamespaceChange> namespaces) {

	/**
	 * A workload.
	 *
	 * @param kind its kind
	 * @param namespace its namespace
	 * @param name its name
	 */
	public record WorkloadName(String kind, String namespace, String name) {
	}

	/**
	 * A namespace's score in both scans.
	 *
	 * @param namespace the namespace
	 * @param before its score in the base, {@code null} if it did not exist
	 * @param after its score in the target, {@code null} if it no longer exists
	 * @param change after minus before, 0 when either is missing
	 */
	public record NamespaceChange(String namespace, @Nullable Integer before, @Nullable Integer after, int change) {
	}

}
