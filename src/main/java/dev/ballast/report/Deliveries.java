package dev.ballast.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log: every report sent, skipped or failed (with the reason), and every test mail.
 * Failed deliveries with attempts left carry the time of their next try; {@link #takeRetries}
 * takes the due ones, skipping rows another replica holds.
 */
@Component
class Deliveries {

	private static final String COLUMNS = """
			id, subscription_id, subscription_name, trigger, state, attempts, next_attempt_at, recipients, subject,
			error_reason, requested_by, created_at, sent_at""";

	private final JdbcClient jdbc;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	long create(@Nullable Subscription subscription, DeliveryTrigger trigger, List<String> recipients, String actor,
			Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO report_delivery (subscription_id, subscription_name, trigger, state, attempts, recipients,
				  requested_by, created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?)
				""")
			.params((subscription != null) ? subscription.id() : null,
					(subscription != null) ? subscription.name() : null, trigger.name(), String.join("\n", recipients),
					actor, Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	@Transactional(readOnly = true)
	Optional<Delivery> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM report_delivery WHERE id = ?")
			.param(id)
			.query(Deliveries::delivery)
			.optional();
	}

	/** The newest deliveries first, optionally of one subscription. */
	@Transactional(readOnly = true)
	List<Delivery> recent(@Nullable Long subscriptionId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM report_delivery WHERE (CAST(? AS BIGINT) IS NULL OR subscription_id = ?)
				ORDER BY created_at DESC, id DESC LIMIT ?
				""").params(subscriptionId, subscriptionId, limit).query(Deliveries::delivery).list();
	}

	/** Takes the failed deliveries due for another try, marking them pending. */
	@Transactional
	List<Long> takeRetries(Instant now) {
		return this.jdbc.sql("""
				UPDATE report_delivery SET state = 'PENDING', next_attempt_at = NULL WHERE id IN (
				  SELECT id FROM report_delivery WHERE state = 'FAILED' AND next_attempt_at <= ?
				  ORDER BY next_attempt_at FOR UPDATE SKIP LOCKED) RETURNING id
				""").param(Timestamp.from(now)).query(Long.class).list();
	}

	@Transactional
	void sent(long id, String subject, Instant at) {
		this.jdbc.sql("""
				UPDATE report_delivery SET state = 'SENT', attempts = attempts + 1, subject = ?, error_reason = NULL,
				  next_attempt_at = NULL, sent_at = ? WHERE id = ?
				""").params(subject, Timestamp.from(at), id).update();
	}

	@Transactional
	void skipped(long id, String subject, String reason) {
		this.jdbc.sql("UPDATE report_delivery SET state = 'SKIPPED', subject = ?, error_reason = ? WHERE id = ?")
			.params(subject, reason, id)
			.update();
	}

	/**
	 * Records a failed try.
	 * @param retryAt when to try again, {@code null} when no attempt is left
	 */
	@Transactional
	void failed(long id, @Nullable String subject, String reason, @Nullable Instant retryAt) {
		this.jdbc.sql("""
				UPDATE report_delivery SET state = 'FAILED', attempts = attempts + 1, subject = COALESCE(?, subject),
				  error_reason = ?, next_attempt_at = ? WHERE id = ?
				""").params(subject, reason, (retryAt != null) ? Timestamp.from(retryAt) : null, id).update();
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		long subscription = rs.getLong(2);
		boolean noSubscription = rs.wasNull();
		return new Delivery(rs.getLong(1), noSubscription ? null : subscription, rs.getString(3),
				DeliveryTrigger.valueOf(rs.getString(4)), DeliveryState.valueOf(rs.getString(5)), rs.getInt(6),
				instant(rs.getTimestamp(7)),
				Arrays.stream(rs.getString(8).split("\n")).filter((line) -> !line.isBlank()).toList(), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(), instant(rs.getTimestamp(13)));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
