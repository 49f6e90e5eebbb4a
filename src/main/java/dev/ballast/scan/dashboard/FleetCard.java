package dev.ballast.scan.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.ballast.cluster.Cluster;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScoreRow;

/**
 * One cluster on the fleet overview.
 *
 * @param cluster the cluster
 * @param state {@code ok}, {@code partial}, {@code failed} (its last scan failed), {@code stale}
 * (its last landed scan is too old), {@code running} (no landed scan yet, one is running) or
 * {@code none} (never scanned)
 * @param latest its latest finished scan, landed or failed
 * @param landed its latest landed scan, whose numbers the card shows
 * @param runningId the scan running now, if any
 * @param sparkline the daily score of the last 30 days
 * @param worst the workload with the lowest score in the landed scan
 * @param regressions workloads whose score dropped most since a week ago, biggest drop first
 */
public record FleetCard(Cluster cluster, String state, @Nullable Scan latest, @Nullable Scan landed,
		@Nullable Long runningId, Sparkline sparkline, @Nullable ScoreRow worst, List<Regression> regressions) {

	/** Order on the page: failed and stale first (their numbers may be wrong), then by score, then unscanned. */
	int rank() {
		if ("failed".equals(this.state) || "stale".equals(this.state)) {
			return 0;
		}
		return (this.landed != null) ? 1 : 2;
	}

	int score() {
		return (this.landed != null && this.landed.result() != null) ? this.landed.result().score() : 101;
	}

	/**
	 * A workload whose score dropped.
	 *
	 * @param namespace its namespace
	 * @param kind its kind
	 * @param name its name
	 * @param before its score a week ago
	 * @param after its score now
	 */
	public record Regression(String namespace, String kind, String name, int before, int after) {

		public int drop() {
			return this.before - this.after;
		}

	}

}
