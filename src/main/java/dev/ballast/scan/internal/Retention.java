package dev.ballast.scan.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ballast.scan.Schedules;

/**
 * Removes the failing findings of scans older than their cluster's retention, and the facts of
 * their workloads and namespaces, and marks those scans so pages and the API can say why their
 * findings are gone. Scan rows, rollups, scores and analysis documents stay.
 */
@Component
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;

	private final Schedules schedules;

	Retention(JdbcClient jdbc, Schedules schedules) {
		this.jdbc = jdbc;
		this.schedules = schedules;
	}

	/**
	 * Applies retention as of a moment.
	 * @return how many scans lost their findings
	 */
	@Transactional
	public int apply(Instant now) {
		this.schedules.ensureRows();
		Timestamp at = Timestamp.from(now);
		String expired = """
				SELECT s.id FROM scan s JOIN scan_schedule sc ON sc.cluster_id = s.cluster_id
				WHERE s.state <> 'RUNNING' AND s.findings_purged_at IS NULL
				  AND s.started_at < CAST(? AS timestamptz) - make_interval(days => COALESCE(sc.findings_retention_days, ?))
				""";
		int days = this.schedules.defaultRetentionDays();
		int findings = this.jdbc.sql("DELETE FROM scan_finding WHERE scan_id IN (" + expired + ")")
			.params(at, days)
			.update();
		for (String facts : new String[] { "scan_workload_fact", "scan_namespace_fact" }) {
			this.jdbc.sql("DELETE FROM " + facts + " WHERE scan_id IN (" + expired + ")").params(at, days).update();
		}
		int scans = this.jdbc.sql("UPDATE scan SET findings_purged_at = ? WHERE id IN (" + expired + ")")
			.params(at, at, days)
			.update();
		if (scans > 0) {
			log.info("Retention removed {} findings of {} scans", findings, scans);
		}
		return scans;
	}

}
