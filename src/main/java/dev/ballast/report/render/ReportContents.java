package dev.ballast.report.render;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.report.ReportSection;
import dev.ballast.report.Subscription;
import dev.ballast.scan.ClusterScanState;
import dev.ballast.scan.FindingQuery;
import dev.ballast.scan.FindingRow;
import dev.ballast.scan.Highlights;
import dev.ballast.scan.History;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanDiff;
import dev.ballast.scan.ScanFilter;
import dev.ballast.scan.ScanProblem;
import dev.ballast.scan.ScanSettings;
import dev.ballast.scan.ScanState;
import dev.ballast.scan.Scans;
import dev.ballast.scan.ScoreRow;

/**
 * Computes what a report says from the stored scans: each cluster's state and score, what changed
 * since the last report (the latest landed scan against the last one landed at or before then),
 * the checks failing most, the scans that failed, and what the capacity and isolation analyses
 * of the latest landed scan highlight. Never reads a cluster.
 */
@Component
class ReportContents {

	/** Without an earlier report, changes are counted over this period. */
	static final Duration FIRST_PERIOD = Duration.ofDays(7);

	static final Duration TREND = Duration.ofDays(30);

	private static final int LISTED = 5;

	private static final List<ScanState> LANDED = List.of(ScanState.OK, ScanState.PARTIAL);

	private final Clusters clusters;

	private final Scans scans;

	private final History history;

	private final ScanSettings settings;

	private final ReportLinks links;

	private final Highlights highlights;

	ReportContents(Clusters clusters, Scans scans, History history, ScanSettings settings, ReportLinks links,
			Highlights highlights) {
		this.highlights = highlights;
		this.clusters = clusters;
		this.scans = scans;
		this.history = history;
		this.settings = settings;
		this.links = links;
	}

	ReportContent of(Subscription subscription, @Nullable Instant since, Instant now) {
		Instant from = (since != null) ? since : now.minus(FIRST_PERIOD);
		Set<String> wanted = new HashSet<>(subscription.clusters());
		List<ReportContent.ClusterPart> parts = new ArrayList<>();
		Map<String, int[]> checks = new LinkedHashMap<>();
		Map<String, String> severities = new HashMap<>();
		Map<String, String> firstCluster = new HashMap<>();
		for (Cluster cluster : this.clusters.all()) {
			if (wanted.isEmpty() || wanted.contains(cluster.getName())) {
				parts.add(part(cluster, from, now, checks, severities, firstCluster, analyses(subscription, cluster)));
			}
		}
		List<ReportContent.CheckCount> top = checks.entrySet()
			.stream()
			.map((entry) -> new ReportContent.CheckCount(entry.getKey(), severities.get(entry.getKey()),
					entry.getValue()[0], entry.getValue()[1],
					this.links.findings(firstCluster.get(entry.getKey()), entry.getKey())))
			.sorted(Comparator.comparingInt(ReportContent.CheckCount::findings).reversed()
				.thenComparing(ReportContent.CheckCount::check))
			.limit(LISTED * 2L)
			.toList();
		boolean anyScans = parts.stream().anyMatch(ReportContent.ClusterPart::scanned);
		boolean changed = parts.stream()
			.anyMatch((part) -> !part.newFindings().isEmpty() || !part.fixedFindings().isEmpty()
					|| part.scoreChange() != 0 || !part.failures().isEmpty());
		return new ReportContent(from, now, subscription.sections(), parts, top, anyScans, changed);
	}

	/** The highlights of the analyses when the subscription asked for capacity or isolation. */
	private List<ReportContent.Line> analyses(Subscription subscription, Cluster cluster) {
		if (!subscription.sections().contains(ReportSection.CAPACITY)
				&& !subscription.sections().contains(ReportSection.ISOLATION)) {
			return List.of();
		}
		return this.highlights.of(java.util.Objects.requireNonNull(cluster.getId()), cluster.getName())
			.stream()
			.map((highlight) -> new ReportContent.Line(highlight, this.links.page(highlight.path())))
			.toList();
	}

	private ReportContent.ClusterPart part(Cluster cluster, Instant from, Instant now, Map<String, int[]> checks,
			Map<String, String> severities, Map<String, String> firstCluster, List<ReportContent.Line> analyses) {
		String name = cluster.getName();
		Scan landed = first(filter(name, LANDED, null, null));
		Scan latest = first(filter(name, List.of(), null, null));
		List<ReportContent.Failure> failures = this.scans
			.list(filter(name, List.of(ScanState.FAILED), from, now), null, LISTED)
			.stream()
			.map((scan) -> new ReportContent.Failure(scan.id(), scan.startedAt(),
					(scan.error() != null) ? scan.error() : "", this.links.scan(scan.id())))
			.toList();
		String state = ClusterScanState.of(latest, landed, null, now, this.settings.staleAfterLanded());
		if (landed == null || landed.result() == null) {
			return new ReportContent.ClusterPart(name, cluster.getDisplayName(), this.links.cluster(name), state, null,
					"", 0, 0, 0, null, 0, null, List.of(), List.of(), List.of(), List.of(), failures, analyses);
		}
		Scan.Result result = landed.result();
		countChecks(name, landed.id(), checks, severities, firstCluster);
		Scan base = base(name, from);
		ScanDiff diff = null;
		if (base != null && base.id() != landed.id()) {
			try {
				diff = this.history.diff(base.id(), landed.id());
			}
			catch (ScanProblem ex) {
				// the base's findings are gone (retention): no change can be told
				diff = null;
			}
		}
		Instant landedAt = (landed.finishedAt() != null) ? landed.finishedAt() : landed.startedAt();
		return new ReportContent.ClusterPart(name, cluster.getDisplayName(), this.links.cluster(name), state,
				result.score(), result.grade(), result.dangers(), result.warnings(), result.infos(), landedAt,
				(diff != null) ? diff.scoreChange() : 0,
				(diff != null) ? this.links.diff(landed.id(), diff.base().id()) : null,
				(diff != null) ? findings(diff.newFindings()) : List.of(),
				(diff != null) ? findings(diff.fixedFindings()) : List.of(),
				(diff != null) ? drops(name, diff.base().id(), landed.id()) : List.of(),
				this.history.trend(name, null, null, null, now.minus(TREND), now, "day"), failures, analyses);
	}

	/** The last scan landed at or before {@code from}, else the first landed after it. */
	private @Nullable Scan base(String name, Instant from) {
		Scan before = first(filter(name, LANDED, null, from.plusMillis(1)));
		if (before != null) {
			return before;
		}
		List<Scan> after = this.scans.list(filter(name, LANDED, from, null), null, 1000);
		return after.isEmpty() ? null : after.get(after.size() - 1);
	}

	private List<ReportContent.Finding> findings(List<FindingRow> rows) {
		return rows.stream().map((row) -> new ReportContent.Finding(row, url(row))).toList();
	}

	private String url(FindingRow row) {
		if (row.namespace().isEmpty() || "Namespace".equals(row.kind()) || "Service".equals(row.kind())) {
			return this.links.cluster(row.cluster());
		}
		return this.links.workload(row.cluster(), row.namespace(), row.kind(), row.name());
	}

	private List<ReportContent.Drop> drops(String cluster, long baseId, long targetId) {
		Map<String, ScoreRow> before = new HashMap<>();
		this.history.scores(null, baseId, "workload", null).forEach((row) -> before.put(key(row), row));
		List<ReportContent.Drop> drops = new ArrayList<>();
		for (ScoreRow after : this.history.scores(null, targetId, "workload", null)) {
			ScoreRow then = before.get(key(after));
			if (then != null && after.score() < then.score()) {
				drops.add(new ReportContent.Drop(after.namespace(), after.kind(), after.name(), then.score(),
						after.score(), this.links.workload(cluster, String.valueOf(after.namespace()),
								String.valueOf(after.kind()), String.valueOf(after.name()))));
			}
		}
		drops.sort(Comparator.comparingInt(ReportContent.Drop::change).thenComparing(ReportContent.Drop::name));
		return drops.stream().limit(LISTED).toList();
	}

	/** Adds the failing findings of a scan, by check: [findings, clusters]. */
	private void countChecks(String cluster, long scanId, Map<String, int[]> checks, Map<String, String> severities,
			Map<String, String> firstCluster) {
		FindingQuery failing = new FindingQuery(cluster, scanId, null, null, null, List.of(), List.of(), "failing");
		Map<String, Integer> here = new HashMap<>();
		String cursor = null;
		do {
			History.FindingsPage page = this.history.findings(failing, cursor, 2000);
			for (FindingRow row : page.items()) {
				if (!row.exempted() && !"info".equals(row.severity())) {
					here.merge(row.check(), 1, Integer::sum);
					severities.putIfAbsent(row.check(), row.severity());
				}
			}
			cursor = page.next();
		}
		while (cursor != null);
		here.forEach((check, count) -> {
			int[] total = checks.computeIfAbsent(check, (key) -> new int[2]);
			total[0] += count;
			total[1]++;
			firstCluster.putIfAbsent(check, cluster);
		});
	}

	private @Nullable Scan first(ScanFilter filter) {
		List<Scan> found = this.scans.list(filter, null, 1);
		return found.isEmpty() ? null : found.get(0);
	}

	private static ScanFilter filter(String cluster, List<ScanState> states, @Nullable Instant since,
			@Nullable Instant until) {
		return new ScanFilter(List.of(cluster), states, List.of(), since, until);
	}

	private static String key(ScoreRow row) {
		return row.namespace() + "/" + row.kind() + "/" + row.name();
	}

}
