package dev.ballast.scan;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One scan as the pages and the API show it.
 *
 * @param id the scan's id
 * @param cluster the cluster's name
 * @param state where it stands
 * @param trigger why it started
 * @param requestedBy who asked: a user, a token's owner, or {@code schedule}
 * @param startedAt when it started
 * @param finishedAt when it landed or failed; {@code null} while running
 * @param durationMs how long it took, in milliseconds; {@code null} while running
 * @param progress what it did last (while running) or in all
 * @param result what it found; {@code null} unless it landed
 * @param gaps kinds that could not be read (a partial scan)
 * @param warnings warnings of the snapshot and the checks
 * @param error why it failed; {@code null} unless it failed
 * @param findingsPurgedAt when its raw findings were removed by retention (its rollups stay)
 */
public record Scan(long id, String cluster, ScanState state, ScanTrigger trigger, String requestedBy,
		Instant startedAt, @Nullable Instant finishedAt, @Nullable Long durationMs, Progress progress,
		@Nullable Result result, List<ScanGap> gaps, List<String> warnings, @Nullable String error,
		@Nullable Instant findingsPurgedAt) {

	/**
	 * Progress of a scan.
	 *
	 * @param phase {@code snapshot}, {@code checks}, {@code storing} or {@code done}
	 * @param kindsTotal kinds to list (live clusters; 0 for manifests)
	 * @param kindsDone kinds listed, or missing with a gap
	 * @param objects objects read so far
	 * @param updatedAt when the running scan last wrote its progress
	 */
	public record Progress(String phase, int kindsTotal, int kindsDone, int objects, Instant updatedAt) {
	}

	/**
	 * What a landed scan found.
	 *
	 * @param score the cluster's score, 0 to 100
	 * @param grade its letter grade
	 * @param dangers failing danger findings that count
	 * @param warnings failing warning findings that count
	 * @param infos info findings
	 * @param exempted exempted findings (not counted)
	 * @param nodes nodes in the snapshot
	 * @param namespaces namespaces in the snapshot
	 * @param workloads workloads in the snapshot
	 * @param pods pods in the snapshot
	 * @param serverVersion the API server's version, {@code null} for manifests
	 */
	public record Result(int score, String grade, int dangers, int warnings, int infos, int exempted, int nodes,
			int namespaces, int workloads, int pods, @Nullable String serverVersion) {
	}

	/**
	 * A kind the snapshot could not read.
	 *
	 * @param kind the kind
	 * @param reason {@code FORBIDDEN}, {@code NOT_SERVED}, {@code TIMED_OUT} or {@code FAILED}
	 * @param message what happened
	 */
	public record ScanGap(String kind, String reason, String message) {
	}

}
