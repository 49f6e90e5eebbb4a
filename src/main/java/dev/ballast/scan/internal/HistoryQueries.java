package dev.ballast.scan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ballast.checks.Scoring;
import dev.ballast.checks.Severity;
import dev.ballast.scan.FindingQuery;
import dev.ballast.scan.FindingRow;
import dev.ballast.scan.ScanDiff;
import dev.ballast.scan.ScoreRow;
import dev.ballast.scan.TrendPoint;

/**
 * The SQL that reads history: findings of scans (and what is new or fixed against another scan),
 * workload sets, scores and trends. Trends read rollups only.
 */
@Repository
public class HistoryQueries {

	private final JdbcClient jdbc;

	HistoryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A pair of scans: the one read, and the one it is compared with for new and fixed findings.
	 *
	 * @param scanId the scan read
	 * @param otherId the scan compared with, or {@code null} (then every finding is new)
	 */
	public record Pair(long scanId, @Nullable Long otherId) {
	}

	/** A position in a findings listing. */
	public record Position(long scanId, int seq) {
	}

	/**
	 * Findings of scans, in scan and report order, after a position.
	 * @param limit the most rows, or 0 for all
	 */
	public List<FindingRow> findings(List<Pair> pairs, FindingQuery query, @Nullable Position after, int limit,
			List<Position> positions) {
		boolean fixed = "fixed".equals(query.state());
		List<FindingRow> rows = new ArrayList<>();
		// one scan at a time, in scan order, each read in report order along its primary key and
		// compared with a constant scan id, so the database stops at the limit
		List<Pair> ordered = pairs.stream()
			.filter((pair) -> !fixed || pair.otherId() != null)
			.sorted(java.util.Comparator.comparingLong((Pair pair) -> fixed ? pair.otherId() : pair.scanId()))
			.toList();
		for (Pair pair : ordered) {
			long read = fixed ? java.util.Objects.requireNonNull(pair.otherId()) : pair.scanId();
			Long compared = fixed ? Long.valueOf(pair.scanId()) : pair.otherId();
			if (after != null && read < after.scanId()) {
				continue;
			}
			int wanted = (limit > 0) ? limit - rows.size() : 0;
			if (limit > 0 && wanted <= 0) {
				break;
			}
			Integer afterSeq = (after != null && read == after.scanId()) ? after.seq() : null;
			rows.addAll(findingsOf(read, compared, query, afterSeq, wanted, positions));
		}
		return rows;
	}

	private List<FindingRow> findingsOf(long scanId, @Nullable Long compared, FindingQuery query,
			@Nullable Integer afterSeq, int limit, List<Position> positions) {
		StringBuilder sql = new StringBuilder("""
				SELECT f.scan_id, c.name, f.seq, f.check_id, f.severity, sub.kind, sub.namespace, sub.name, f.container,
				  f.path, f.actual, f.exempt_source, f.exempt_reason
				FROM scan_finding f JOIN scan s ON s.id = f.scan_id JOIN cluster c ON c.id = s.cluster_id
				JOIN scan_subject sub ON sub.id = f.subject_id WHERE f.scan_id = ?
				""");
		List<Object> params = new ArrayList<>();
		params.add(scanId);
		filter(sql, params, query);
		switch (query.state()) {
			case "exempted" -> sql.append(" AND f.exempt_source IS NOT NULL");
			case "all" -> {
			}
			case "new", "fixed" -> {
				sql.append(" AND f.exempt_source IS NULL");
				if (compared != null) {
					sql.append(" AND NOT EXISTS (SELECT 1 FROM scan_finding p WHERE p.scan_id = ?")
						.append(" AND p.subject_id = f.subject_id AND p.check_id = f.check_id")
						.append(" AND p.container IS NOT DISTINCT FROM f.container AND p.path = f.path")
						.append(" AND p.exempt_source IS NULL)");
					params.add(compared);
					sql.append(COMPARABLE);
					params.addAll(List.of(scanId, compared, scanId, compared));
				}
			}
			default -> sql.append(" AND f.exempt_source IS NULL");
		}
		if (afterSeq != null) {
			sql.append(" AND f.seq > ?");
			params.add(afterSeq);
		}
		sql.append(" ORDER BY f.seq");
		if (limit > 0) {
			sql.append(" LIMIT ?");
			params.add(limit);
		}
		return this.jdbc.sql(sql.toString()).params(params).query((rs, row) -> {
			positions.add(new Position(rs.getLong(1), rs.getInt(3)));
			return finding(rs);
		}).list();
	}

	private static void filter(StringBuilder sql, List<Object> params, FindingQuery query) {
		if (query.namespace() != null) {
			sql.append(" AND sub.namespace = ?");
			params.add(query.namespace());
		}
		if (query.name() != null) {
			sql.append(" AND sub.name = ?");
			params.add(query.name());
		}
		if (query.kind() != null) {
			sql.append(" AND lower(sub.kind) = lower(?)");
			params.add(query.kind());
		}
		if (!query.checks().isEmpty()) {
			sql.append(" AND f.check_id = ANY (?)");
			params.add(query.checks().toArray(new String[0]));
		}
		if (!query.severities().isEmpty()) {
			sql.append(" AND f.severity = ANY (?)");
			params.add(query.severities()
				.stream()
				.map((key) -> (short) Severity.valueOf(key.toUpperCase(Locale.ROOT)).ordinal())
				.toArray(Short[]::new));
		}
	}

	/**
	 * Only what both scans looked at can be new or fixed: not the findings of a check that did not
	 * run in either (turned off, or missing a kind), nor of a kind either snapshot could not read.
	 * Parameters: the two scans, twice.
	 */
	private static final String COMPARABLE = """
			 AND NOT EXISTS (SELECT 1 FROM scan_check_result r WHERE r.scan_id IN (?, ?) AND r.check_id = f.check_id
			   AND r.skipped IS NOT NULL)
			 AND sub.kind NOT IN (SELECT g ->> 'kind' FROM scan gs, jsonb_array_elements(gs.gaps) g WHERE gs.id IN (?, ?))
			""";

	/** Failing findings present in both scans. */
	public int unchanged(long scanId, long otherId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM scan_finding f WHERE f.scan_id = ? AND f.exempt_source IS NULL AND EXISTS (
				  SELECT 1 FROM scan_finding p WHERE p.scan_id = ? AND p.subject_id = f.subject_id
				  AND p.check_id = f.check_id AND p.container IS NOT DISTINCT FROM f.container AND p.path = f.path
				  AND p.exempt_source IS NULL)
				""").params(scanId, otherId).query(Integer.class).single();
	}

	/** Workloads scored in one scan and not in the other. */
	public List<ScanDiff.WorkloadName> workloadsOnlyIn(long scanId, long otherId) {
		return this.jdbc.sql("""
				SELECT sub.kind, sub.namespace, sub.name FROM scan_workload_score w
				JOIN scan_subject sub ON sub.id = w.subject_id
				WHERE w.scan_id = ? AND NOT EXISTS (
				  SELECT 1 FROM scan_workload_score o WHERE o.scan_id = ? AND o.subject_id = w.subject_id)
				  AND sub.kind NOT IN (SELECT g ->> 'kind' FROM scan gs, jsonb_array_elements(gs.gaps) g
				    WHERE gs.id IN (?, ?))
				ORDER BY sub.namespace, sub.kind, sub.name
				""").params(scanId, otherId, scanId, otherId).query(ScanDiff.WorkloadName.class).list();
	}

	/** Namespace scores of two scans side by side, biggest drop first. */
	public List<ScanDiff.NamespaceChange> namespaceChanges(long baseId, long targetId) {
		return this.jdbc.sql("""
				SELECT COALESCE(b.namespace, t.namespace) AS namespace, b.score AS before, t.score AS after,
				  COALESCE(t.score - b.score, 0) AS change
				FROM (SELECT * FROM scan_namespace_score WHERE scan_id = ?) b
				FULL OUTER JOIN (SELECT * FROM scan_namespace_score WHERE scan_id = ?) t ON t.namespace = b.namespace
				ORDER BY change, namespace
				""").params(baseId, targetId).query(ScanDiff.NamespaceChange.class).list();
	}

	/** Scores of one scan at a level. */
	public List<ScoreRow> scores(long scanId, String level, @Nullable String namespace) {
		return scores(scanId, level, namespace, Integer.MAX_VALUE);
	}

	/** The lowest {@code limit} scores of a scan at a level, lowest first. */
	public List<ScoreRow> scores(long scanId, String level, @Nullable String namespace, int limit) {
		String sql = switch (level) {
			case "namespace" -> """
					SELECT c.name, n.scan_id, n.namespace, NULL AS kind, NULL AS name, n.score, n.dangers, n.warnings,
					  n.exempted
					FROM scan_namespace_score n JOIN scan s ON s.id = n.scan_id JOIN cluster c ON c.id = s.cluster_id
					WHERE n.scan_id = ? AND (CAST(? AS text) IS NULL OR n.namespace = ?) ORDER BY n.score, n.namespace
					LIMIT ?
					""";
			case "workload" -> """
					SELECT c.name, w.scan_id, sub.namespace, sub.kind, sub.name, w.score, w.dangers, w.warnings,
					  w.exempted
					FROM scan_workload_score w JOIN scan_subject sub ON sub.id = w.subject_id
					JOIN scan s ON s.id = w.scan_id JOIN cluster c ON c.id = s.cluster_id
					WHERE w.scan_id = ? AND (CAST(? AS text) IS NULL OR sub.namespace = ?)
					ORDER BY w.score, sub.namespace, sub.kind, sub.name LIMIT ?
					""";
			default -> """
					SELECT c.name, s.id, NULL AS namespace, NULL AS kind, NULL AS name, s.score, s.dangers,
					  s.warning_findings, s.exempted
					FROM scan s JOIN cluster c ON c.id = s.cluster_id WHERE s.id = ?
					""";
		};
		List<Object> params = new ArrayList<>(List.of(scanId));
		if (!"cluster".equals(level)) {
			params.add(namespace);
			params.add(namespace);
			params.add(limit);
		}
		return this.jdbc.sql(sql).params(params).query((rs, row) -> {
			int score = rs.getInt(6);
			return new ScoreRow(rs.getString(1), rs.getLong(2), level, rs.getString(3), rs.getString(4),
					rs.getString(5), score, Scoring.grade(score), rs.getInt(7), rs.getInt(8), rs.getInt(9));
		}).list();
	}

	/**
	 * The workloads whose score is lower in a scan than in an earlier one, the largest drop first.
	 * @param baseId the earlier scan
	 * @param scanId the later scan
	 * @param limit how many
	 */
	public List<ScoreDrop> scoreDrops(long baseId, long scanId, int limit) {
		return this.jdbc.sql("""
				SELECT sub.namespace, sub.kind, sub.name, b.score, w.score
				FROM scan_workload_score w
				JOIN scan_workload_score b ON b.scan_id = ? AND b.subject_id = w.subject_id
				JOIN scan_subject sub ON sub.id = w.subject_id
				WHERE w.scan_id = ? AND b.score > w.score
				ORDER BY b.score - w.score DESC, w.score, sub.namespace, sub.kind, sub.name LIMIT ?
				""").params(baseId, scanId, limit).query((rs, row) -> new ScoreDrop(rs.getString(1), rs.getString(2),
						rs.getString(3), rs.getInt(4), rs.getInt(5)))
			.list();
	}

	/**
	 * A workload's score in two scans.
	 *
	 * @param namespace its namespace
	 * @param kind its kind
	 * @param name its name
	 * @param before its score in the earlier scan
	 * @param after its score in the later scan
	 */
	public record ScoreDrop(String namespace, String kind, String name, int before, int after) {
	}

	/**
	 * A score trend from the rollups: of the cluster, a namespace, or a workload.
	 * @param step {@code hour}, {@code day} or {@code week}
	 */
	public List<TrendPoint> trend(long clusterId, @Nullable String namespace, @Nullable String kind,
			@Nullable String name, Instant from, Instant to, String step) {
		String source;
		List<Object> params = new ArrayList<>();
		params.add(step);
		if (name != null) {
			source = """
					SELECT s.id, s.started_at, w.score, w.dangers, w.warnings FROM scan s
					JOIN scan_workload_score w ON w.scan_id = s.id
					JOIN scan_subject sub ON sub.id = w.subject_id AND sub.cluster_id = s.cluster_id
					WHERE s.cluster_id = ? AND sub.namespace = ? AND sub.name = ? AND (CAST(? AS text) IS NULL OR sub.kind = ?)
					""";
			params.addAll(List.of(clusterId, String.valueOf(namespace), name));
			params.add(kind);
			params.add(kind);
		}
		else if (namespace != null) {
			source = """
					SELECT s.id, s.started_at, n.score, n.dangers, n.warnings FROM scan s
					JOIN scan_namespace_score n ON n.scan_id = s.id WHERE s.cluster_id = ? AND n.namespace = ?
					""";
			params.addAll(List.of(clusterId, namespace));
		}
		else {
			source = """
					SELECT s.id, s.started_at, s.score, s.dangers, s.warning_findings AS warnings FROM scan s
					WHERE s.cluster_id = ? AND s.state IN ('OK', 'PARTIAL')
					""";
			params.add(clusterId);
		}
		params.add(Timestamp.from(from));
		params.add(Timestamp.from(to));
		String sql = """
				SELECT date_trunc(?, x.started_at, 'UTC') AS at, count(*) AS scans, round(avg(x.score)) AS score,
				  min(x.score) AS min_score, max(x.score) AS max_score,
				  (array_agg(x.dangers ORDER BY x.id DESC))[1] AS dangers,
				  (array_agg(x.warnings ORDER BY x.id DESC))[1] AS warnings, max(x.id) AS last_scan
				FROM (%s AND s.started_at >= ? AND s.started_at < ?) x
				GROUP BY 1 ORDER BY 1
				""".formatted(source);
		return this.jdbc.sql(sql).params(params).query((rs, row) -> new TrendPoint(rs.getTimestamp(1).toInstant(),
				rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getLong(8)))
			.list();
	}

	/**
	 * Findings per check of scans, from the rollups: every check that ran, with zero for those that
	 * passed; in each scan the most failing first.
	 */
	public List<CheckCount> checkCounts(List<Long> scanIds) {
		return this.jdbc.sql("""
				SELECT r.scan_id, r.check_id, COALESCE(sum(u.failing), 0) AS failing,
				  COALESCE(sum(u.exempted), 0) AS exempted, min(u.severity) FILTER (WHERE u.failing > 0) AS severity,
				  count(DISTINCT u.namespace) FILTER (WHERE u.failing > 0 AND u.namespace <> '') AS namespaces
				FROM scan_check_result r
				LEFT JOIN scan_check_rollup u ON u.scan_id = r.scan_id AND u.check_id = r.check_id
				WHERE r.scan_id = ANY (?) GROUP BY r.scan_id, r.check_id ORDER BY r.scan_id, failing DESC, r.check_id
				""").param(scanIds.toArray(new Long[0])).query((rs, row) -> {
			short severity = rs.getShort(5);
			return new CheckCount(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
					rs.wasNull() ? null : Severity.values()[severity].key(), rs.getInt(6));
		}).list();
	}

	/**
	 * Findings of one check in one scan.
	 *
	 * @param scanId the scan
	 * @param check the check's id
	 * @param failing failing findings that count
	 * @param exempted exempted findings
	 * @param severity the highest severity of its failing findings, {@code null} when none fail
	 * @param namespaces namespaces with failing findings
	 */
	public record CheckCount(long scanId, String check, int failing, int exempted, @Nullable String severity,
			int namespaces) {
	}

	private static FindingRow finding(ResultSet rs) throws SQLException {
		boolean exempted = rs.getObject(12) != null;
		return new FindingRow(rs.getLong(1), rs.getString(2), rs.getString(4), Severity.values()[rs.getShort(5)].key(),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
				rs.getString(11), exempted, exempted ? rs.getString(13) : null);
	}

}
