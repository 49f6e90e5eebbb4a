package dev.ballast.scan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;

/**
 * The scan schedule and retention of every cluster. A cluster gets the defaults
 * ({@code ballast.scan.cron}, {@code ballast.scan.findings-retention}) until someone changes them;
 * a newly registered cluster is scanned at the next look for due schedules, then on its cron.
 * Cron expressions are evaluated in UTC.
 */
@Service
public class Schedules {

	static final String DEFAULTS = "ballast";

	/** A cluster's schedule, or the defaults (first parameter: the default cron) when none is stored. */
	private static final String SELECT = """
			SELECT c.name, COALESCE(s.cron, ?), COALESCE(s.enabled, TRUE), s.findings_retention_days, s.next_run_at,
			  COALESCE(s.updated_by, 'ballast'), COALESCE(s.updated_at, c.created_at), s.cluster_id IS NOT NULL
			FROM cluster c LEFT JOIN scan_schedule s ON s.cluster_id = c.id
			""";

	private final JdbcClient jdbc;

	private final Clusters clusters;

	private final ScanSettings settings;

	private final Clock clock;

	Schedules(JdbcClient jdbc, Clusters clusters, ScanSettings settings) {
		this.jdbc = jdbc;
		this.clusters = clusters;
		this.settings = settings;
		this.clock = Clock.systemUTC();
		parse("ballast.scan.cron", settings.cron());
	}

	/**
	 * The schedule of a cluster.
	 * @throws dev.ballast.cluster.ClusterNotFoundException for an unknown cluster (404)
	 */
	@Transactional(readOnly = true)
	public Schedule get(String clusterName) {
		Cluster cluster = this.clusters.byName(clusterName);
		return this.jdbc.sql(SELECT + " WHERE c.id = ?")
			.params(this.settings.cron(), Objects.requireNonNull(cluster.getId()))
			.query(this::schedule)
			.single();
	}

	/** The schedule of every cluster, by display name; read only, whether changed or default. */
	@Transactional(readOnly = true)
	public List<Schedule> all() {
		return this.jdbc.sql(SELECT + " ORDER BY c.display_name").param(this.settings.cron()).query(this::schedule).list();
	}

	private Schedule schedule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp next = rs.getTimestamp(5);
		Integer days = rs.getObject(4, Integer.class);
		boolean stored = rs.getBoolean(8);
		boolean enabled = rs.getBoolean(3);
		// a cluster whose schedule was never stored is due at the next look for due schedules
		Instant nextRun = (next != null) ? next.toInstant() : (!stored && enabled) ? Instant.now(this.clock) : null;
		return new Schedule(rs.getString(1), rs.getString(2), enabled, (days != null) ? days : defaultRetentionDays(),
				nextRun, rs.getString(6), rs.getTimestamp(7).toInstant());
	}

	/**
	 * Changes the schedule of a cluster.
	 * @param retentionDays days to keep raw findings, or {@code null} for the default
	 * @throws ScanProblem when the cron expression or the retention is invalid (400)
	 */
	@Transactional
	public Schedule update(String clusterName, String cron, boolean enabled, @Nullable Integer retentionDays,
			String actor) {
		CronExpression expression = parse("cron", cron);
		if (retentionDays != null && (retentionDays < 1 || retentionDays > 36500)) {
			throw ScanProblem.badParameter("findingsRetentionDays", retentionDays.toString(), "1 to 36500 days");
		}
		Cluster cluster = this.clusters.byName(clusterName);
		ensureRows();
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				UPDATE scan_schedule SET cron = ?, enabled = ?, findings_retention_days = ?, next_run_at = ?,
				  updated_by = ?, updated_at = ? WHERE cluster_id = ?
				""")
			.params(cron.strip(), enabled, retentionDays, enabled ? Timestamp.from(next(expression, now)) : null,
					actor, Timestamp.from(now), cluster.getId())
			.update();
		return get(clusterName);
	}

	/**
	 * Gives every cluster without a schedule the default one, due at once.
	 */
	@Transactional
	public void ensureRows() {
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc.sql("""
				INSERT INTO scan_schedule (cluster_id, cron, enabled, next_run_at, updated_by, updated_at)
				SELECT c.id, ?, TRUE, ?, ?, ? FROM cluster c
				WHERE NOT EXISTS (SELECT 1 FROM scan_schedule s WHERE s.cluster_id = c.id)
				ON CONFLICT DO NOTHING
				""").params(this.settings.cron(), now, DEFAULTS, now).update();
	}

	/**
	 * Takes the schedules that are due and moves each to its next time.
	 * @return the names of the clusters to scan now
	 */
	@Transactional
	public List<String> takeDue() {
		ensureRows();
		Instant now = Instant.now(this.clock);
		List<Object[]> due = this.jdbc.sql("""
				SELECT s.cluster_id, c.name, s.cron FROM scan_schedule s JOIN cluster c ON c.id = s.cluster_id
				WHERE s.enabled AND s.next_run_at <= ? FOR UPDATE OF s
				""")
			.param(Timestamp.from(now))
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.list();
		for (Object[] row : due) {
			this.jdbc.sql("UPDATE scan_schedule SET next_run_at = ? WHERE cluster_id = ?")
				.params(Timestamp.from(next(CronExpression.parse((String) row[2]), now)), row[0])
				.update();
		}
		return due.stream().map((row) -> (String) row[1]).toList();
	}

	/** Days raw findings are kept unless a cluster says otherwise. */
	public int defaultRetentionDays() {
		return (int) Math.max(1, this.settings.findingsRetention().toDays());
	}

	private static Instant next(CronExpression cron, Instant after) {
		LocalDateTime next = cron.next(LocalDateTime.ofInstant(after, ZoneOffset.UTC));
		return (next != null) ? next.toInstant(ZoneOffset.UTC) : after.plus(Duration.ofDays(36500));
	}

	private static CronExpression parse(String parameter, String cron) {
		try {
			return CronExpression.parse(cron.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ScanProblem.badParameter(parameter, cron,
					"a cron expression of six fields, second minute hour day month weekday, e.g. '0 0 * * * *' ("
							+ ex.getMessage() + ")");
		}
	}

}
