package dev.ballast.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored report subscriptions. A subscription's {@code next_run_at} is its next due time
 * (null while disabled); {@link #takeDue} takes the due ones and moves each to its next time in
 * one transaction, skipping rows another replica holds, so each due report is taken once.
 */
@Component
class Subscriptions implements SubscriptionLookup {

	/** A subscription with its schedule's next run and its last delivery, for the list. */
	record Row(Subscription subscription, @Nullable Instant nextRunAt, @Nullable DeliveryState lastState,
			@Nullable Instant lastDeliveryAt) {
	}

	private static final String COLUMNS = """
			s.id, s.name, s.recipients, s.clusters, s.cron, s.zone, s.language, s.sections, s.only_when_changed,
			s.attach_pdf, s.enabled, s.last_sent_at, s.next_run_at""";

	private final JdbcClient jdbc;

	Subscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Subscription> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM report_subscription s WHERE s.id = ?")
			.param(id)
			.query(Subscriptions::subscription)
			.optional();
	}

	/** @throws ReportProblem for an unknown id (404) */
	Subscription get(long id) {
		return find(id).orElseThrow(() -> ReportProblem.notFound(id));
	}

	@Transactional(readOnly = true)
	List<Subscription> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM report_subscription s ORDER BY lower(s.name), s.id")
			.query(Subscriptions::subscription)
			.list();
	}

	@Transactional(readOnly = true)
	List<Row> rows() {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				, d.state, d.created_at FROM report_subscription s
				LEFT JOIN LATERAL (SELECT state, created_at FROM report_delivery
				  WHERE subscription_id = s.id AND trigger <> 'TEST' ORDER BY created_at DESC, id DESC LIMIT 1) d ON TRUE
				ORDER BY lower(s.name), s.id
				""").query((rs, row) -> {
			Timestamp next = rs.getTimestamp(13);
			Timestamp last = rs.getTimestamp(15);
			String state = rs.getString(14);
			return new Row(subscription(rs, row), (next != null) ? next.toInstant() : null,
					(state != null) ? DeliveryState.valueOf(state) : null, (last != null) ? last.toInstant() : null);
		}).list();
	}

	@Transactional(readOnly = true)
	@Nullable Instant nextRun(long id) {
		return this.jdbc.sql("SELECT next_run_at FROM report_subscription WHERE id = ?")
			.param(id)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	@Transactional
	long create(SubscriptionRules.Draft draft, String actor, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO report_subscription (name, recipients, clusters, cron, zone, language, sections,
				  only_when_changed, attach_pdf, enabled, next_run_at, created_by, created_at, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(draft.name(), String.join("\n", draft.recipients()), String.join("\n", draft.clusters()),
					draft.cron(), draft.zone().getId(), draft.language().toLanguageTag(), sections(draft.sections()),
					draft.onlyWhenChanged(), draft.attachPdf(), draft.enabled(), nextRunAt(draft, now), actor,
					Timestamp.from(now), actor, Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	@Transactional
	void update(long id, SubscriptionRules.Draft draft, String actor, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE report_subscription SET name = ?, recipients = ?, clusters = ?, cron = ?, zone = ?, language = ?,
				  sections = ?, only_when_changed = ?, attach_pdf = ?, enabled = ?, next_run_at = ?, updated_by = ?,
				  updated_at = ? WHERE id = ?
				""")
			.params(draft.name(), String.join("\n", draft.recipients()), String.join("\n", draft.clusters()),
					draft.cron(), draft.zone().getId(), draft.language().toLanguageTag(), sections(draft.sections()),
					draft.onlyWhenChanged(), draft.attachPdf(), draft.enabled(), nextRunAt(draft, now), actor,
					Timestamp.from(now), id)
			.update();
		if (updated == 0) {
			throw ReportProblem.notFound(id);
		}
	}

	@Transactional
	void delete(long id) {
		if (this.jdbc.sql("DELETE FROM report_subscription WHERE id = ?").param(id).update() == 0) {
			throw ReportProblem.notFound(id);
		}
	}

	/**
	 * Takes the enabled subscriptions due at {@code now} and moves each to its next time. Rows
	 * another transaction holds are skipped: that replica sends them.
	 */
	@Transactional
	List<Subscription> takeDue(Instant now) {
		List<Subscription> due = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM report_subscription s WHERE s.enabled AND s.next_run_at <= ?
				ORDER BY s.next_run_at FOR UPDATE SKIP LOCKED
				""").param(Timestamp.from(now)).query(Subscriptions::subscription).list();
		for (Subscription subscription : due) {
			Instant next = SubscriptionRules.next(subscription.cron(), subscription.zone(), now);
			this.jdbc.sql("UPDATE report_subscription SET next_run_at = ? WHERE id = ?")
				.params((next != null) ? Timestamp.from(next) : null, subscription.id())
				.update();
		}
		return due;
	}

	@Transactional
	void markSent(long id, Instant at) {
		this.jdbc.sql("UPDATE report_subscription SET last_sent_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
	}

	private static @Nullable Timestamp nextRunAt(SubscriptionRules.Draft draft, Instant now) {
		Instant next = draft.enabled() ? SubscriptionRules.next(draft.cron(), draft.zone(), now) : null;
		return (next != null) ? Timestamp.from(next) : null;
	}

	private static String sections(Set<ReportSection> sections) {
		return sections.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	private static Subscription subscription(ResultSet rs, int row) throws SQLException {
		Set<ReportSection> sections = EnumSet.noneOf(ReportSection.class);
		for (String section : rs.getString(8).split(",")) {
			if (!section.isBlank()) {
				sections.add(ReportSection.valueOf(section));
			}
		}
		Timestamp lastSent = rs.getTimestamp(12);
		return new Subscription(rs.getLong(1), rs.getString(2), lines(rs.getString(3)), lines(rs.getString(4)),
				rs.getString(5), ZoneId.of(rs.getString(6)), Locale.forLanguageTag(rs.getString(7)), sections,
				rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), (lastSent != null) ? lastSent.toInstant() : null);
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("\n")).filter((line) -> !line.isBlank()).toList();
	}

}
