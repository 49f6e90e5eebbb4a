package dev.ballast.scan;

import org.jspecify.annotations.Nullable;

/**
 * A stored score of a cluster, a namespace or a workload in one scan.
 *
 * @param cluster the cluster's name
 * @param scanId the scan
 * @param level {@code cluster}, {@code namespace} or {@code workload}
 * @param namespace the namespace, for namespaces and workloads
 * @param kind the workload's kind
 * @param name the workload's name
 * @param score 0 to 100
 * @param grade A to F
 * @param dangers failing danger checks that count
 * @param warnings failing warning checks that count
 * @param exempted exempted findings
 */
public record ScoreRow(String cluster, long scanId, String level, @Nullable String namespace, @Nullable String kind,
		@Nullable String name, int score, String grade, int dangers, int warnings, int exempted) {
}
