package dev.ballast.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exemptions made in the UI and the API: who, why, until when; revoked ones are kept.
 */
@Repository
class ExemptionStore {

	private final JdbcClient jdbc;

	private final KnownChecks known;

	ExemptionStore(JdbcClient jdbc, KnownChecks known) {
		this.jdbc = jdbc;
		this.known = known;
	}

	@Transactional(readOnly = true)
	List<StoredExemption> all() {
		return this.jdbc.sql("SELECT * FROM check_exemption ORDER BY created_at DESC, id DESC")
			.query(ExemptionStore::row)
			.list();
	}

	/**
	 * Stores a new exemption, valid through the last day of the form (UTC).
	 * @param form the exemption (validated, expiry in the future)
	 * @param by who
	 * @return the stored exemption
	 * @throws CheckRequestException if the check is unknown or the expiry is not in the future
	 */
	@Transactional
	StoredExemption create(ExemptionForm form, String by) {
		String checkId = Objects.requireNonNullElse(form.checkId(), "").strip();
		if (!Exemption.ALL.equals(checkId) && !this.known.ids().contains(checkId)) {
			throw CheckRequestException.unknownCheck("checkId", checkId);
		}
		Instant now = Instant.now();
		Instant until = Objects.requireNonNull(form.until()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		if (!until.isAfter(now)) {
			throw new CheckRequestException(HttpStatus.UNPROCESSABLE_CONTENT,
					"exemption-expired", "until", "checks.form.until.future");
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO check_exemption (cluster, namespace, kind, name, check_id, reason, created_by,"
				+ " created_at, until) VALUES (:cluster, :namespace, :kind, :name, :check, :reason, :by, :at, :until)")
			.param("cluster", SettingStore.cluster(form.cluster()))
			.param("namespace", SettingStore.blankToNull(form.namespace()))
			.param("kind", SettingStore.blankToNull(form.kind()))
			.param("name", wildcardToNull(form.name()))
			.param("check", checkId)
			.param("reason", Objects.requireNonNullElse(form.reason(), "").strip())
			.param("by", by)
			.param("at", Timestamp.from(now))
			.param("until", Timestamp.from(until))
			.update(keys, "id");
		return get(Objects.requireNonNull(keys.getKey()).longValue());
	}

	/**
	 * Revokes an exemption; it stays listed as revoked.
	 * @param id the exemption
	 * @param by who
	 * @throws CheckRequestException if there is no such exemption
	 */
	@Transactional
	void revoke(long id, String by) {
		int updated = this.jdbc.sql("UPDATE check_exemption SET revoked_by = :by, revoked_at = :at"
				+ " WHERE id = :id AND revoked_at IS NULL")
			.param("by", by)
			.param("at", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		if (updated == 0) {
			get(id);
		}
	}

	private StoredExemption get(long id) {
		return this.jdbc.sql("SELECT * FROM check_exemption WHERE id = :id")
			.param("id", id)
			.query(ExemptionStore::row)
			.optional()
			.orElseThrow(() -> CheckRequestException.notFound("exemption-not-found", String.valueOf(id)));
	}

	private static @Nullable String wildcardToNull(@Nullable String name) {
		String value = SettingStore.blankToNull(name);
		return "*".equals(value) ? null : value;
	}

	private static StoredExemption row(ResultSet rs, int row) throws SQLException {
		Timestamp revokedAt = rs.getTimestamp("revoked_at");
		return new StoredExemption(rs.getLong("id"), rs.getString("cluster"), rs.getString("namespace"),
				rs.getString("kind"), rs.getString("name"), rs.getString("check_id"), rs.getString("reason"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("until").toInstant(), rs.getString("revoked_by"),
				(revokedAt != null) ? revokedAt.toInstant() : null);
	}

	/**
	 * A stored exemption.
	 *
	 * @param id the row
	 * @param cluster the cluster's name, or {@code *}
	 * @param namespace the namespace, or {@code null} for any
	 * @param kind the workload kind, or {@code null} for any
	 * @param name the workload name or prefix ending in {@code *}, or {@code null} for any
	 * @param checkId the check, or {@code all}
	 * @param reason why
	 * @param createdBy who
	 * @param createdAt when
	 * @param until when it expires
	 * @param revokedBy who revoked it, or {@code null}
	 * @param revokedAt when, or {@code null}
	 */
	record StoredExemption(long id, String cluster, @Nullable String namespace, @Nullable String kind,
			@Nullable String name, String checkId, String reason, String createdBy, Instant createdAt, Instant until,
			@Nullable String revokedBy, @Nullable Instant revokedAt) {

		/** {@code active}, {@code expired} or {@code revoked}. */
		public String status() {
			if (this.revokedAt != null) {
				return "revoked";
			}
			return Instant.now().isBefore(this.until) ? "active" : "expired";
		}

		Exemption rule() {
			return new Exemption(Set.of(this.checkId), this.namespace, this.kind, this.name, this.reason,
					this.createdBy, this.until);
		}

	}

}
