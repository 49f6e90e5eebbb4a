package dev.ballast.report.render;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.ballast.report.ReportSection;
import dev.ballast.scan.FindingRow;
import dev.ballast.scan.TrendPoint;

/**
 * What a report says, computed from the stored scans, before it is put into words.
 *
 * @param since changes are counted from here
 * @param now the report's time
 * @param sections what the subscription asked for
 * @param clusters one entry per cluster of the subscription, by name
 * @param topChecks the checks failing most across those clusters, most findings first
 * @param anyScans whether any of the clusters has a landed scan
 * @param changed whether anything changed since {@code since}: a new or fixed finding, a score
 * change, or a failed scan
 */
record ReportContent(Instant since, Instant now, Set<ReportSection> sections, List<ClusterPart> clusters,
		List<CheckCount> topChecks, boolean anyScans, boolean changed) {

	public boolean has(String section) {
		return this.sections.contains(ReportSection.valueOf(section));
	}

	public int newFindings() {
		return this.clusters.stream().mapToInt((cluster) -> cluster.newFindings().size()).sum();
	}

	public int fixedFindings() {
		return this.clusters.stream().mapToInt((cluster) -> cluster.fixedFindings().size()).sum();
	}

	/**
	 * One cluster in the report.
	 *
	 * @param name its name
	 * @param displayName what people call it
	 * @param url its page
	 * @param state {@code ok}, {@code partial}, {@code failed} (its last scan failed), {@code stale}
	 * (its last landed scan is old) or {@code none} (never landed)
	 * @param score the latest landed scan's score, when there is one
	 * @param grade its grade, or an empty string
	 * @param dangers failing danger findings of the latest landed scan
	 * @param warnings failing warning findings
	 * @param infos info findings
	 * @param landedAt when the latest landed scan finished
	 * @param scoreChange the score now minus at {@code since}
	 * @param diffUrl the scan diff page of the change, when two scans were compared
	 * @param newFindings findings failing now, not at {@code since}
	 * @param fixedFindings findings failing at {@code since}, not now
	 * @param drops workloads whose score dropped most since then
	 * @param trend the daily score trend of the last 30 days
	 * @param failures scans that failed since then
	 * @param highlights what the capacity and isolation analyses of the latest landed scan say,
	 * worst first
	 */
	record ClusterPart(String name, String displayName, String url, String state, @Nullable Integer score,
			String grade, int dangers, int warnings, int infos, @Nullable Instant landedAt, int scoreChange,
			@Nullable String diffUrl, List<Finding> newFindings, List<Finding> fixedFindings, List<Drop> drops,
			List<TrendPoint> trend, List<Failure> failures, List<Line> highlights) {

		public boolean scanned() {
			return this.score != null;
		}

		/**
		 * The highlights of one section.
		 * @param section {@code CAPACITY} or {@code ISOLATION}
		 * @return its lines
		 */
		public List<Line> highlights(String section) {
			String wanted = section.toLowerCase(java.util.Locale.ROOT);
			return this.highlights.stream().filter((line) -> line.highlight().section().equals(wanted)).toList();
		}

	}

	/**
	 * A highlight of an analysis, with the page that explains it.
	 *
	 * @param highlight what the analysis says
	 * @param url its page
	 */
	record Line(dev.ballast.scan.Highlight highlight, String url) {
	}

	/**
	 * A finding, with the page of its workload.
	 *
	 * @param row the stored finding
	 * @param url its workload's page, or the cluster's page for other subjects
	 */
	record Finding(FindingRow row, String url) {
	}

	/**
	 * A workload whose score dropped.
	 *
	 * @param namespace its namespace
	 * @param kind its kind
	 * @param name its name
	 * @param before its score at {@code since}
	 * @param after its score now
	 * @param url its page
	 */
	record Drop(String namespace, String kind, String name, int before, int after, String url) {

		public int change() {
			return this.after - this.before;
		}

	}

	/**
	 * A failed scan.
	 *
	 * @param scanId the scan
	 * @param at when it started
	 * @param error why it failed
	 * @param url its page
	 */
	record Failure(long scanId, Instant at, String error, String url) {
	}

	/**
	 * A check and how many failing findings it has in the latest scans.
	 *
	 * @param check the check's id
	 * @param severity its severity
	 * @param findings failing findings that count
	 * @param clusters clusters it fails in
	 * @param url the findings explorer for it (of the first cluster)
	 */
	record CheckCount(String check, String severity, int findings, int clusters, String url) {
	}

}
