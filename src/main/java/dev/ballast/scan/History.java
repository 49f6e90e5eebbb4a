package dev.ballast.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.internal.HistoryQueries;
import dev.ballast.scan.internal.HistoryQueries.Pair;
import dev.ballast.scan.internal.HistoryQueries.Position;
import dev.ballast.scan.internal.ScanStore;

/**
 * Answers questions about stored scans: findings, what changed between two scans, scores and
 * trends. Everything here reads the database only, never a cluster.
 */
@Service
@Transactional(readOnly = true)
public class History {

	private final Clusters clusters;

	private final ScanStore scans;

	private final HistoryQueries queries;

	History(Clusters clusters, ScanStore scans, HistoryQueries queries) {
		this.clusters = clusters;
		this.scans = scans;
		this.queries = queries;
	}

	/**
	 * A page of findings.
	 *
	 * @param items the findings
	 * @param next the cursor of the next page, or {@code null} on the last
	 */
	public record FindingsPage(List<FindingRow> items, @Nullable String next) {
	}

	/**
	 * Findings of the latest landed scan of a cluster (or of each cluster), or of one scan.
	 * @param cursor where the previous page ended, or {@code null}
	 * @param limit the most findings in the page
	 */
	public FindingsPage findings(FindingQuery query, @Nullable String cursor, int limit) {
		List<Scan> read = scansToRead(query.cluster(), query.scanId());
		boolean compared = "new".equals(query.state()) || "fixed".equals(query.state());
		List<Pair> pairs = new ArrayList<>();
		for (Scan scan : read) {
			Scan other = compared ? this.scans.previousLanded(scan).orElse(null) : null;
			requireFindings(scan);
			if (other != null && "fixed".equals(query.state())) {
				requireFindings(other);
			}
			pairs.add(new Pair(scan.id(), (other != null) ? other.id() : null));
		}
		List<Position> positions = new ArrayList<>();
		List<FindingRow> rows = this.queries.findings(pairs, query, Cursors.position(cursor), limit + 1, positions);
		if (rows.size() <= limit) {
			return new FindingsPage(rows, null);
		}
		return new FindingsPage(rows.subList(0, limit), Cursors.of(positions.get(limit - 1)));
	}

	/**
	 * What changed between two landed scans of the same cluster.
	 * @throws ScanProblem unknown scans (404), not landed (409), different clusters (422), findings
	 * removed by retention (410)
	 */
	public ScanDiff diff(long baseId, long targetId) {
		Scan base = landed(baseId);
		Scan target = landed(targetId);
		if (!base.cluster().equals(target.cluster())) {
			throw ScanProblem.differentClusters(baseId, targetId);
		}
		requireFindings(base);
		requireFindings(target);
		FindingQuery all = new FindingQuery(target.cluster(), null, null, null, null, List.of(), List.of(), "new");
		List<FindingRow> added = this.queries.findings(List.of(new Pair(targetId, baseId)), all, null, 0,
				new ArrayList<>());
		FindingQuery gone = new FindingQuery(target.cluster(), null, null, null, null, List.of(), List.of(), "fixed");
		List<FindingRow> fixed = this.queries.findings(List.of(new Pair(targetId, baseId)), gone, null, 0,
				new ArrayList<>());
		return new ScanDiff(base, target, score(target) - score(base), added, fixed,
				this.queries.unchanged(targetId, baseId), this.queries.workloadsOnlyIn(targetId, baseId),
				this.queries.workloadsOnlyIn(baseId, targetId), this.queries.namespaceChanges(baseId, targetId));
	}

	/**
	 * What changed in a cluster over a period: its latest landed scan against the last one landed
	 * before the period began (or its first, when the history is shorter).
	 */
	public ScanDiff diffSince(String clusterName, Duration period) {
		long clusterId = clusterId(clusterName);
		Scan target = this.scans.latestLanded(clusterId, null).orElseThrow(() -> ScanProblem.noScan(clusterName));
		Scan base = this.scans.latestLanded(clusterId, target.startedAt().minus(period))
			.orElseGet(() -> this.scans.firstLanded(clusterId).orElse(target));
		return diff(base.id(), target.id());
	}

	/**
	 * Scores of a scan (or the latest of a cluster, or of each cluster) at a level.
	 * @param level {@code cluster}, {@code namespace} or {@code workload}
	 */
	public List<ScoreRow> scores(@Nullable String cluster, @Nullable Long scanId, String level,
			@Nullable String namespace) {
		List<ScoreRow> rows = new ArrayList<>();
		scansToRead(cluster, scanId).forEach((scan) -> rows.addAll(this.queries.scores(scan.id(), level, namespace)));
		return rows;
	}

	/**
	 * The score trend of a cluster, a namespace or a workload.
	 * @param step {@code hour}, {@code day} or {@code week}
	 */
	public List<TrendPoint> trend(String cluster, @Nullable String namespace, @Nullable String kind,
			@Nullable String name, Instant from, Instant to, String step) {
		return this.queries.trend(clusterId(cluster), namespace, kind, name, from, to, step);
	}

	/** The scan asked for, or else the latest landed scan of the cluster, or else of every cluster. */
	private List<Scan> scansToRead(@Nullable String cluster, @Nullable Long scanId) {
		if (scanId != null) {
			return List.of(landed(scanId));
		}
		return (cluster != null) ? List.of(latest(cluster)) : this.scans.latestLandedOfEach();
	}

	private Scan latest(String cluster) {
		return this.scans.latestLanded(clusterId(cluster), null).orElseThrow(() -> ScanProblem.noScan(cluster));
	}

	private Scan landed(long scanId) {
		Scan scan = this.scans.find(scanId).orElseThrow(() -> ScanProblem.notFound(scanId));
		if (!scan.state().landed()) {
			throw ScanProblem.notLanded(scanId);
		}
		return scan;
	}

	private long clusterId(String name) {
		Cluster cluster = this.clusters.byName(name);
		return Objects.requireNonNull(cluster.getId());
	}

	private static void requireFindings(Scan scan) {
		if (scan.findingsPurgedAt() != null) {
			throw ScanProblem.findingsPurged(scan.id());
		}
	}

	private static int score(Scan scan) {
		return (scan.result() != null) ? scan.result().score() : 0;
	}

}
