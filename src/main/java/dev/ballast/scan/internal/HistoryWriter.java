package dev.ballast.scan.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ballast.checks.CheckReport;
import dev.ballast.checks.CheckResult;
import dev.ballast.checks.Finding;
import dev.ballast.checks.Score;
import dev.ballast.checks.Severity;
import dev.ballast.checks.Subject;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanCompleted;
import dev.ballast.scan.ScanState;
import dev.ballast.snapshot.ClusterSnapshot;

/**
 * Stores what a scan found, in one transaction: the failing findings (COPY), the rollups, the
 * scores, the facts of workloads and namespaces (COPY), the analysis documents and the scan's
 * outcome. If the scan was failed meanwhile (its heartbeat went stale), nothing is kept.
 */
@Component
public class HistoryWriter {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ScanStore scans;

	private final FactStore facts;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	HistoryWriter(JdbcClient jdbc, DataSource dataSource, ScanStore scans, FactStore facts,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.scans = scans;
		this.facts = facts;
		this.events = events;
	}

	/**
	 * Stores a scan's results and lands it.
	 * @param analyses the analysis documents by kind, each with its version
	 * @return the state it landed in
	 * @throws ScanAbandonedException if the scan is no longer running
	 */
	@Transactional
	public ScanState store(long scanId, long clusterId, String clusterName, ClusterSnapshot snapshot,
			CheckReport report, Map<String, AnalysisDocument> analyses, int objects) {
		Map<Subject, Integer> subjects = subjects(clusterId, report);
		try {
			writeFindings(scanId, report.findings(), subjects);
			writeScores(scanId, report, subjects);
			writeRollups(scanId, report);
			this.facts.write(scanId, snapshot, subjects);
		}
		catch (SQLException ex) {
			throw new org.springframework.jdbc.UncategorizedSQLException("COPY scan history", null, ex);
		}
		analyses.forEach((kind, document) -> this.jdbc
			.sql("INSERT INTO scan_analysis (scan_id, kind, version, document) VALUES (?, ?, ?, CAST(? AS jsonb))")
			.params(scanId, kind, document.version(), document.json())
			.update());
		List<Scan.ScanGap> gaps = snapshot.gaps()
			.stream()
			.map((gap) -> new Scan.ScanGap(gap.kind(), gap.reason().name(), gap.message()))
			.toList();
		ScanState state = gaps.isEmpty() ? ScanState.OK : ScanState.PARTIAL;
		List<String> warnings = new ArrayList<>(snapshot.source().warnings());
		warnings.addAll(report.warnings());
		if (!this.scans.land(scanId, state, result(snapshot, report), gaps, warnings, objects, Instant.now(this.clock))) {
			throw new ScanAbandonedException(scanId);
		}
		this.events.publishEvent(new ScanCompleted(scanId, clusterName, state));
		return state;
	}

	/**
	 * Records a failed scan, unless it ended already.
	 * @return whether it was recorded
	 */
	@Transactional
	public boolean fail(long scanId, String clusterName, String error) {
		if (!this.scans.fail(scanId, error, Instant.now(this.clock))) {
			return false;
		}
		this.events.publishEvent(new ScanCompleted(scanId, clusterName, ScanState.FAILED));
		return true;
	}

	/**
	 * Fails every running scan whose progress was last written before a moment.
	 * @return how many
	 */
	@Transactional
	public int failStale(Instant heartbeatBefore, String error) {
		Map<Long, String> failed = this.scans.failStale(heartbeatBefore, error, Instant.now(this.clock));
		failed.forEach((scanId, cluster) -> this.events.publishEvent(new ScanCompleted(scanId, cluster,
				ScanState.FAILED)));
		return failed.size();
	}

	Map<Subject, Integer> subjects(long clusterId, CheckReport report) {
		Set<Subject> all = new LinkedHashSet<>(report.workloads().keySet());
		report.findings().forEach((finding) -> all.add(finding.subject()));
		String[] kinds = all.stream().map(Subject::kind).toArray(String[]::new);
		String[] namespaces = all.stream().map(Subject::namespace).toArray(String[]::new);
		String[] names = all.stream().map(Subject::name).toArray(String[]::new);
		this.jdbc.sql("""
				INSERT INTO scan_subject (cluster_id, kind, namespace, name)
				SELECT ?, * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
				ON CONFLICT DO NOTHING
				""").params(clusterId, kinds, namespaces, names).update();
		Map<Subject, Integer> ids = new HashMap<>(all.size() * 2);
		this.jdbc.sql("""
				SELECT s.id, s.kind, s.namespace, s.name FROM scan_subject s
				JOIN unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS u (kind, namespace, name)
				  ON s.kind = u.kind AND s.namespace = u.namespace AND s.name = u.name
				WHERE s.cluster_id = ?
				""").params(kinds, namespaces, names, clusterId).query((rs) -> {
			ids.put(new Subject(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(1));
		});
		return ids;
	}

	void writeFindings(long scanId, List<Finding> findings, Map<Subject, Integer> subjects)
			throws SQLException {
		try (Copy copy = Copy.into(this.dataSource, "scan_finding (scan_id, seq, subject_id, check_id, severity, "
				+ "container, path, actual, exempt_source, exempt_reason)")) {
			int seq = 0;
			for (Finding finding : findings) {
				copy.row(scanId, seq++, subjects.get(finding.subject()), finding.checkId(),
						finding.severity().ordinal(), finding.container(), finding.path(), finding.actual(),
						(finding.exempted() != null) ? finding.exempted().source().ordinal() : null,
						(finding.exempted() != null) ? finding.exempted().reason() : null);
			}
			copy.finish();
		}
	}

	private void writeScores(long scanId, CheckReport report, Map<Subject, Integer> subjects) throws SQLException {
		try (Copy copy = Copy.into(this.dataSource,
				"scan_workload_score (scan_id, subject_id, score, dangers, warnings, exempted)")) {
			for (Map.Entry<Subject, Score> entry : report.workloads().entrySet()) {
				Score score = entry.getValue();
				copy.row(scanId, subjects.get(entry.getKey()), score.value(), score.dangers(), score.warnings(),
						score.exempted());
			}
			copy.finish();
		}
		try (Copy copy = Copy.into(this.dataSource,
				"scan_namespace_score (scan_id, namespace, score, grade, dangers, warnings, exempted)")) {
			for (Map.Entry<String, Score> entry : report.namespaces().entrySet()) {
				Score score = entry.getValue();
				copy.row(scanId, entry.getKey(), score.value(), score.grade(), score.dangers(), score.warnings(),
						score.exempted());
			}
			copy.finish();
		}
	}

	private void writeRollups(long scanId, CheckReport report) throws SQLException {
		Map<List<Object>, int[]> counts = new HashMap<>();
		for (Finding finding : report.findings()) {
			int[] count = counts.computeIfAbsent(
					List.of(finding.checkId(), finding.subject().namespace(), finding.severity().ordinal()),
					(key) -> new int[2]);
			count[finding.counts() ? 0 : 1]++;
		}
		try (Copy copy = Copy.into(this.dataSource,
				"scan_check_rollup (scan_id, check_id, namespace, severity, failing, exempted)")) {
			for (Map.Entry<List<Object>, int[]> entry : counts.entrySet()) {
				List<Object> key = entry.getKey();
				copy.row(scanId, key.get(0), key.get(1), key.get(2), entry.getValue()[0], entry.getValue()[1]);
			}
			copy.finish();
		}
		try (Copy copy = Copy.into(this.dataSource,
				"scan_check_result (scan_id, check_id, checked, failed, exempted, skipped)")) {
			for (CheckResult result : report.results()) {
				copy.row(scanId, result.check().id(), result.checked(), result.failed(), result.exempted(),
						result.skipped());
			}
			copy.finish();
		}
	}

	private static Scan.Result result(ClusterSnapshot snapshot, CheckReport report) {
		int dangers = 0;
		int warnings = 0;
		int infos = 0;
		int exempted = 0;
		for (Finding finding : report.findings()) {
			if (!finding.counts()) {
				exempted++;
			}
			else if (finding.severity() == Severity.DANGER) {
				dangers++;
			}
			else if (finding.severity() == Severity.WARNING) {
				warnings++;
			}
			else {
				infos++;
			}
		}
		Score cluster = report.cluster();
		return new Scan.Result(cluster.value(), cluster.grade(), dangers, warnings, infos, exempted,
				snapshot.nodes().size(), snapshot.namespaces().size(), snapshot.workloads().size(),
				snapshot.pods().size(), snapshot.source().serverVersion());
	}

}
