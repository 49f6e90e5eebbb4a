package dev.ballast.scan;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a cluster's scans stand, as the overview, the cluster page and the e-mail report say it.
 */
public final class ClusterScanState {

	private ClusterScanState() {
	}

	/**
	 * The state of a cluster's scans: {@code failed} when its last scan failed after the last one
	 * landed (its numbers may be wrong), {@code stale} when the last landed scan is older than
	 * {@code staleAfter}, else that scan's {@code ok} or {@code partial}; before any landed scan
	 * {@code running}, {@code failed} or {@code none}.
	 * @param latest its latest finished scan
	 * @param landed its latest landed scan
	 * @param running the id of its running scan
	 * @param now the time to judge staleness at
	 * @param staleAfter how old a landed scan may be
	 * @return the state's key
	 */
	public static String of(@Nullable Scan latest, @Nullable Scan landed, @Nullable Long running, Instant now,
			Duration staleAfter) {
		if (landed == null) {
			if (running != null) {
				return "running";
			}
			return (latest != null && latest.state() == ScanState.FAILED) ? "failed" : "none";
		}
		if (latest != null && latest.state() == ScanState.FAILED && latest.id() > landed.id()) {
			return "failed";
		}
		Instant landedAt = (landed.finishedAt() != null) ? landed.finishedAt() : landed.startedAt();
		if (landedAt.plus(staleAfter).isBefore(now)) {
			return "stale";
		}
		return landed.state().key();
	}

}
