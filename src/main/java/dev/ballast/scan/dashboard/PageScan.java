package dev.ballast.scan.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.History;
import dev.ballast.scan.Scan;
import dev.ballast.scan.TrendPoint;
import dev.ballast.scan.internal.ScanStore;

/**
 * The cluster a page is about and its latest landed scan, which every number on the page comes from.
 *
 * @param cluster the cluster
 * @param scan its latest landed scan, or {@code null} before the first one
 */
record PageScan(Cluster cluster, @Nullable Scan scan) {

	/** How far back a score history goes. */
	static final Duration HISTORY = Duration.ofDays(90);

	/** A history this short is shown by the hour. */
	static final Duration RECENT = Duration.ofDays(3);

	/**
	 * The cluster of a name and its latest landed scan.
	 * @throws dev.ballast.cluster.ClusterNotFoundException for an unknown cluster (404)
	 */
	static PageScan of(Clusters clusters, ScanStore store, String name) {
		Cluster cluster = clusters.byName(name);
		return new PageScan(cluster, store.latestLanded(Objects.requireNonNull(cluster.getId()), null).orElse(null));
	}

	/** Whether the facts and findings of the scan are still stored (retention removes them). */
	boolean hasFacts() {
		return this.scan != null && this.scan.findingsPurgedAt() == null;
	}

	/**
	 * The score history of a namespace or a workload: a point per day over {@link #HISTORY}, or per
	 * hour when all of it fits in the last three days (a new cluster scanned a few times).
	 */
	static List<TrendPoint> trend(History history, String cluster, String namespace, @Nullable String kind,
			@Nullable String name) {
		Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
		List<TrendPoint> days = history.trend(cluster, namespace, kind, name, to.minus(HISTORY), to, "day");
		Instant recent = to.minus(RECENT);
		if (days.isEmpty() || !days.get(0).at().isBefore(recent)) {
			return history.trend(cluster, namespace, kind, name, recent, to, "hour");
		}
		return days;
	}

}
