package dev.ballast.checks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check settings (a severity or {@code off}, per cluster or all, per namespace or the whole
 * cluster) and their append-only history.
 */
@Repository
class SettingStore {

	static final String DEFAULT = "default";

	private final JdbcClient jdbc;

	private final KnownChecks known;

	SettingStore(JdbcClient jdbc, KnownChecks known) {
		this.jdbc = jdbc;
		this.known = known;
	}

	@Transactional(readOnly = true)
	List<StoredSetting> all() {
		return this.jdbc.sql("SELECT * FROM check_setting ORDER BY cluster, namespace NULLS FIRST, check_id")
			.query((rs, row) -> new StoredSetting(rs.getLong("id"), rs.getString("cluster"), rs.getString("namespace"),
					rs.getString("check_id"), rs.getString("setting"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant(), rs.getString("reason")))
			.list();
	}

	@Transactional(readOnly = true)
	List<SettingChange> history(int limit) {
		return this.jdbc.sql("SELECT * FROM check_setting_history ORDER BY changed_at DESC, id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, row) -> new SettingChange(rs.getLong("id"), rs.getString("cluster"), rs.getString("namespace"),
					rs.getString("check_id"), rs.getString("setting"), rs.getString("previous"),
					rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(), rs.getString("reason")))
			.list();
	}

	/**
	 * Changes a setting, or removes it ({@code default}), and records the change.
	 * @param form the change (validated)
	 * @param by who
	 * @return the change as recorded
	 * @throws CheckRequestException if the check is unknown
	 */
	@Transactional
	SettingChange change(SettingForm form, String by) {
		String checkId = Objects.requireNonNullElse(form.checkId(), "").strip();
		if (!this.known.ids().contains(checkId)) {
			throw CheckRequestException.unknownCheck("checkId", checkId);
		}
		String cluster = cluster(form.cluster());
		String namespace = blankToNull(form.namespace());
		String setting = Objects.requireNonNullElse(form.setting(), DEFAULT).toLowerCase(Locale.ROOT);
		String reason = Objects.requireNonNullElse(form.reason(), "").strip();
		Instant now = Instant.now();
		Optional<String> previous = this.jdbc
			.sql("SELECT setting FROM check_setting WHERE cluster = :cluster"
					+ " AND COALESCE(namespace, '') = COALESCE(:namespace, '') AND check_id = :check FOR UPDATE")
			.param("cluster", cluster)
			.param("namespace", namespace)
			.param("check", checkId)
			.query(String.class)
			.optional();
		if (DEFAULT.equals(setting)) {
			this.jdbc.sql("DELETE FROM check_setting WHERE cluster = :cluster"
					+ " AND COALESCE(namespace, '') = COALESCE(:namespace, '') AND check_id = :check")
				.param("cluster", cluster)
				.param("namespace", namespace)
				.param("check", checkId)
				.update();
		}
		else {
			this.jdbc.sql("INSERT INTO check_setting (cluster, namespace, check_id, setting, changed_by, changed_at, reason)"
					+ " VALUES (:cluster, :namespace, :check, :setting, :by, :at, :reason)"
					+ " ON CONFLICT (cluster, COALESCE(namespace, ''), check_id) DO UPDATE SET setting = :setting,"
					+ " changed_by = :by, changed_at = :at, reason = :reason")
				.param("cluster", cluster)
				.param("namespace", namespace)
				.param("check", checkId)
				.param("setting", setting)
				.param("by", by)
				.param("at", Timestamp.from(now))
				.param("reason", reason)
				.update();
		}
		SettingChange change = new SettingChange(0, cluster, namespace, checkId, setting, previous.orElse(DEFAULT), by,
				now, reason);
		this.jdbc.sql("INSERT INTO check_setting_history (cluster, namespace, check_id, setting, previous, changed_by,"
				+ " changed_at, reason) VALUES (:cluster, :namespace, :check, :setting, :previous, :by, :at, :reason)")
			.param("cluster", cluster)
			.param("namespace", namespace)
			.param("check", checkId)
			.param("setting", setting)
			.param("previous", change.previous())
			.param("by", by)
			.param("at", Timestamp.from(now))
			.param("reason", reason)
			.update();
		return change;
	}

	static String cluster(@Nullable String cluster) {
		String name = blankToNull(cluster);
		return (name != null) ? name : "*";
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * A check's current setting.
	 *
	 * @param id the row
	 * @param cluster the cluster's name, or {@code *}
	 * @param namespace the namespace, or {@code null} for the whole cluster
	 * @param checkId the check
	 * @param setting {@code danger}, {@code warning}, {@code info} or {@code off}
	 * @param changedBy who changed it last
	 * @param changedAt when
	 * @param reason why
	 */
	record StoredSetting(long id, String cluster, @Nullable String namespace, String checkId, String setting,
			String changedBy, Instant changedAt, String reason) {
	}

	/**
	 * One change of a setting.
	 *
	 * @param id the row
	 * @param cluster the cluster's name, or {@code *}
	 * @param namespace the namespace, or {@code null}
	 * @param checkId the check
	 * @param setting what it became ({@code default}: the setting was removed)
	 * @param previous what it was
	 * @param changedBy who
	 * @param changedAt when
	 * @param reason why
	 */
	record SettingChange(long id, String cluster, @Nullable String namespace, String checkId, String setting,
			String previous, String changedBy, Instant changedAt, String reason) {
	}

}
