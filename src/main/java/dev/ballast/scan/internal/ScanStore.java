package dev.ballast.scan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanFilter;
import dev.ballast.scan.ScanState;
import dev.ballast.scan.ScanTrigger;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scan rows: started as RUNNING, their progress, how they end, and reading them back.
 */
@Repository
public class ScanStore {

	private static final String SELECT = """
			SELECT s.*, c.name AS cluster_name FROM scan s JOIN cluster c ON c.id = s.cluster_id
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ScanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a running scan.
	 * @throws org.springframework.dao.DuplicateKeyException when the cluster has a running scan
	 */
	public long insertRunning(long clusterId, ScanTrigger trigger, String requestedBy, String instance, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO scan (cluster_id, state, trigger, requested_by, started_at, heartbeat_at, instance, phase)
				VALUES (?, 'RUNNING', ?, ?, ?, ?, ?, 'queued') RETURNING id
				""")
			.params(clusterId, trigger.name(), requestedBy, ts(now), ts(now), instance)
			.query(Long.class)
			.single();
	}

	public Optional<Long> runningOf(long clusterId) {
		return this.jdbc.sql("SELECT id FROM scan WHERE cluster_id = ? AND state = 'RUNNING'")
			.param(clusterId)
			.query(Long.class)
			.optional();
	}

	public void heartbeat(long scanId, String phase, int kindsTotal, int kindsDone, int objects, Instant now) {
		this.jdbc.sql("""
				UPDATE scan SET phase = ?, kinds_total = ?, kinds_done = ?, objects = ?, heartbeat_at = ?
				WHERE id = ? AND state = 'RUNNING'
				""").params(phase, kindsTotal, kindsDone, objects, ts(now), scanId).update();
	}

	/**
	 * Records how a scan landed; part of the transaction that stores its history.
	 * @return whether the scan was still running (a stale scan may have been failed meanwhile)
	 */
	public boolean land(long scanId, ScanState state, Scan.Result result, List<Scan.ScanGap> gaps,
			List<String> warnings, int objects, Instant now) {
		return this.jdbc.sql("""
				UPDATE scan SET state = ?, finished_at = ?, heartbeat_at = ?, phase = 'done', objects = ?,
				  gaps = CAST(? AS jsonb), warnings = CAST(? AS jsonb), server_version = ?, nodes = ?, namespaces = ?,
				  workloads = ?, pods = ?, score = ?, grade = ?, dangers = ?, warning_findings = ?, infos = ?, exempted = ?
				WHERE id = ? AND state = 'RUNNING'
				""")
			.params(state.name(), ts(now), ts(now), objects, JSON.writeValueAsString(gaps),
					JSON.writeValueAsString(warnings), result.serverVersion(), result.nodes(), result.namespaces(),
					result.workloads(), result.pods(), result.score(), result.grade(), result.dangers(),
					result.warnings(), result.infos(), result.exempted(), scanId)
			.update() == 1;
	}

	/** Records a failed scan, unless it ended already. */
	public boolean fail(long scanId, String error, Instant now) {
		return this.jdbc.sql("""
				UPDATE scan SET state = 'FAILED', finished_at = ?, error = ?, phase = 'done'
				WHERE id = ? AND state = 'RUNNING'
				""").params(ts(now), error, scanId).update() == 1;
	}

	/**
	 * Fails every running scan whose progress was last written before a moment.
	 * @return the scans failed, with their clusters
	 */
	public Map<Long, String> failStale(Instant heartbeatBefore, String error, Instant now) {
		Map<Long, String> failed = new LinkedHashMap<>();
		this.jdbc.sql("""
				UPDATE scan s SET state = 'FAILED', finished_at = ?, error = ?, phase = 'done' FROM cluster c
				WHERE c.id = s.cluster_id AND s.state = 'RUNNING' AND s.heartbeat_at < ? RETURNING s.id, c.name
				""")
			.params(ts(now), error, ts(heartbeatBefore))
			.query((rs) -> {
				failed.put(rs.getLong(1), rs.getString(2));
			});
		return failed;
	}

	public Optional<Scan> find(long scanId) {
		return this.jdbc.sql(SELECT + " WHERE s.id = ?").param(scanId).query(ScanStore::scan).optional();
	}

	/** Scans matching a filter, newest first, after a cursor (a scan id). */
	public List<Scan> list(ScanFilter filter, @Nullable Long beforeId, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE TRUE");
		List<Object> params = new ArrayList<>();
		if (!filter.clusters().isEmpty()) {
			sql.append(" AND c.name = ANY (?)");
			params.add(filter.clusters().toArray(new String[0]));
		}
		if (!filter.states().isEmpty()) {
			sql.append(" AND s.state = ANY (?)");
			params.add(filter.states().stream().map(Enum::name).toArray(String[]::new));
		}
		if (!filter.triggers().isEmpty()) {
			sql.append(" AND s.trigger = ANY (?)");
			params.add(filter.triggers().stream().map(Enum::name).toArray(String[]::new));
		}
		if (filter.since() != null) {
			sql.append(" AND s.started_at >= ?");
			params.add(ts(filter.since()));
		}
		if (filter.until() != null) {
			sql.append(" AND s.started_at < ?");
			params.add(ts(filter.until()));
		}
		if (beforeId != null) {
			sql.append(" AND s.id < ?");
			params.add(beforeId);
		}
		sql.append(" ORDER BY s.id DESC LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(ScanStore::scan).list();
	}

	/** The latest landed scan of a cluster, or of a cluster before a moment. */
	public Optional<Scan> latestLanded(long clusterId, @Nullable Instant before) {
		return this.jdbc.sql(SELECT + """
				 WHERE s.cluster_id = ? AND s.state IN ('OK', 'PARTIAL') AND s.started_at < ?
				ORDER BY s.started_at DESC LIMIT 1
				""")
			.params(clusterId, ts((before != null) ? before : Instant.parse("9999-01-01T00:00:00Z")))
			.query(ScanStore::scan)
			.optional();
	}

	/** The first landed scan of a cluster. */
	public Optional<Scan> firstLanded(long clusterId) {
		return this.jdbc.sql(SELECT + """
				 WHERE s.cluster_id = ? AND s.state IN ('OK', 'PARTIAL') ORDER BY s.started_at LIMIT 1
				""").param(clusterId).query(ScanStore::scan).optional();
	}

	/** The landed scan of the same cluster just before this one. */
	public Optional<Scan> previousLanded(Scan scan) {
		return this.jdbc.sql(SELECT + """
				 WHERE c.name = ? AND s.state IN ('OK', 'PARTIAL') AND s.id < ? ORDER BY s.id DESC LIMIT 1
				""").params(scan.cluster(), scan.id()).query(ScanStore::scan).optional();
	}

	/** The latest finished scan of every cluster, one per cluster. */
	public List<Scan> latestFinished() {
		return this.jdbc.sql(SELECT + """
				 WHERE s.id IN (SELECT l.id FROM cluster k CROSS JOIN LATERAL (SELECT id FROM scan
				  WHERE cluster_id = k.id AND state <> 'RUNNING' ORDER BY id DESC LIMIT 1) l)
				""").query(ScanStore::scan).list();
	}

	/** The latest landed scan of every cluster that has one. */
	public List<Scan> latestLandedOfEach() {
		return this.jdbc.sql(SELECT + """
				 WHERE s.id IN (SELECT l.id FROM cluster k CROSS JOIN LATERAL (SELECT id FROM scan
				  WHERE cluster_id = k.id AND state IN ('OK', 'PARTIAL') ORDER BY id DESC LIMIT 1) l)
				ORDER BY c.name
				""").query(ScanStore::scan).list();
	}

	/** The analysis documents stored with a scan: kind and version. */
	public List<AnalysisInfo> analyses(long scanId) {
		return this.jdbc.sql("SELECT kind, version FROM scan_analysis WHERE scan_id = ? ORDER BY kind")
			.param(scanId)
			.query(AnalysisInfo.class)
			.list();
	}

	/** One analysis document of a scan, as JSON text. */
	public Optional<String> analysis(long scanId, String kind) {
		return this.jdbc.sql("SELECT CAST(document AS text) FROM scan_analysis WHERE scan_id = ? AND kind = ?")
			.params(scanId, kind)
			.query(String.class)
			.optional();
	}

	/**
	 * An analysis stored with a scan.
	 *
	 * @param kind e.g. {@code snapshot}
	 * @param version the version of its document's shape
	 */
	public record AnalysisInfo(String kind, int version) {
	}

	/** When scan-derived data last changed: a scan finished, or retention removed findings. */
	public Instant lastChange() {
		Timestamp at = this.jdbc
			.sql("SELECT GREATEST(MAX(finished_at), MAX(findings_purged_at)) FROM scan")
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return (at != null) ? at.toInstant() : Instant.EPOCH;
	}

	private static Scan scan(ResultSet rs, int row) throws SQLException {
		ScanState state = ScanState.valueOf(rs.getString("state"));
		Instant started = instant(rs, "started_at");
		Instant finished = instant(rs, "finished_at");
		Scan.Result result = null;
		if (state.landed()) {
			result = new Scan.Result(rs.getInt("score"), rs.getString("grade"), rs.getInt("dangers"),
					rs.getInt("warning_findings"), rs.getInt("infos"), rs.getInt("exempted"), rs.getInt("nodes"),
					rs.getInt("namespaces"), rs.getInt("workloads"), rs.getInt("pods"), rs.getString("server_version"));
		}
		return new Scan(rs.getLong("id"), rs.getString("cluster_name"), state,
				ScanTrigger.valueOf(rs.getString("trigger")), rs.getString("requested_by"), started, finished,
				(finished != null && started != null) ? finished.toEpochMilli() - started.toEpochMilli() : null,
				new Scan.Progress(rs.getString("phase"), rs.getInt("kinds_total"), rs.getInt("kinds_done"),
						rs.getInt("objects"), instant(rs, "heartbeat_at")),
				result, JSON.readValue(rs.getString("gaps"), new TypeReference<List<Scan.ScanGap>>() {
				}), JSON.readValue(rs.getString("warnings"), new TypeReference<List<String>>() {
				}), rs.getString("error"), instant(rs, "findings_purged_at"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
