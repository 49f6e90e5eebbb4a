package dev.ballast.scan;

import org.jspecify.annotations.Nullable;

/**
 * A stored finding.
 *
 * @param scanId the scan it was found in
 * @param cluster the cluster's name
 * @param check the check's id
 * @param severity {@code danger}, {@code warning} or {@code info}, after configuration
 * @param kind the subject's kind: a workload kind, {@code Service}, {@code Namespace}, {@code Node}...
 * @param namespace the subject's namespace, empty for cluster-scoped subjects
 * @param name the subject's name
 * @param container the container, for container checks
 * @param path the offending field
 * @param actual the actual value or state
 * @param exempted whether it is exempted (then it does not lower a score)
 * @param exemptReason why, for exempted findings
 */
public record FindingRow(long scanId, String cluster, String check, String severity, String kind, String namespace,
		String name, @Nullable String container, String path, String actual, boolean exempted,
		@Nullable String exemptReason) {
}
