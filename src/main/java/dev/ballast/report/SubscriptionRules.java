package dev.ballast.report;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * What a subscription must be to be saved: a name, valid addresses, known clusters, a cron
 * expression that fires (within two years) and not more often than {@code ballast.report.min-interval},
 * a time zone, a language and at least one section. Every problem names its field and a message code.
 */
@Component
class SubscriptionRules {

	static final Set<String> LANGUAGES = Set.of("en", "zh-CN");

	private static final Duration HORIZON = Duration.ofDays(2 * 366);

	/** A field that cannot be saved, and why (message code and its arguments). */
	record Issue(String field, String code, Object... arguments) {
	}

	/** A subscription that passed, normalised. */
	record Draft(String name, List<String> recipients, List<String> clusters, String cron, ZoneId zone, Locale language,
			Set<ReportSection> sections, boolean onlyWhenChanged, boolean attachPdf, boolean enabled) {
	}

	/** The outcome: a draft when there are no issues. */
	record Checked(@Nullable Draft draft, List<Issue> issues) {
	}

	private final Clusters clusters;

	private final ReportSettings settings;

	SubscriptionRules(Clusters clusters, ReportSettings settings) {
		this.clusters = clusters;
		this.settings = settings;
	}

	Checked check(SubscriptionForm form, Instant now) {
		List<Issue> issues = new ArrayList<>();
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty() || name.length() > 200) {
			issues.add(new Issue("name", "report.subscription.error.name"));
		}
		List<String> recipients = recipients(form.recipients(), issues);
		Set<String> known = this.clusters.all().stream().map(Cluster::getName).collect(Collectors.toSet());
		List<String> clusters = (form.clusters() != null) ? form.clusters().stream().distinct().toList() : List.of();
		for (String cluster : clusters) {
			if (!known.contains(cluster)) {
				issues.add(new Issue("clusters", "report.subscription.error.cluster", cluster));
			}
		}
		ZoneId zone = ZoneId.of("UTC");
		try {
			zone = ZoneId.of((form.zone() != null) ? form.zone().strip() : "");
		}
		catch (DateTimeException ex) {
			issues.add(new Issue("zone", "report.subscription.error.zone", String.valueOf(form.zone())));
		}
		String cron = form.effectiveCron();
		Issue cronIssue = cronIssue(cron, zone, now);
		if (cronIssue != null) {
			issues.add(cronIssue);
		}
		String language = (form.language() != null) ? form.language() : "";
		if (!LANGUAGES.contains(language)) {
			issues.add(new Issue("language", "report.subscription.error.language"));
		}
		Set<ReportSection> sections = (form.sections() == null || form.sections().isEmpty())
				? EnumSet.noneOf(ReportSection.class) : EnumSet.copyOf(form.sections());
		if (sections.isEmpty()) {
			issues.add(new Issue("sections", "report.subscription.error.sections"));
		}
		if (!issues.isEmpty()) {
			return new Checked(null, issues);
		}
		return new Checked(new Draft(name, recipients, clusters, cron, zone, Locale.forLanguageTag(language), sections,
				Boolean.TRUE.equals(form.onlyWhenChanged()), Boolean.TRUE.equals(form.attachPdf()),
				Boolean.TRUE.equals(form.enabled())), List.of());
	}

	/** Addresses separated by commas, semicolons or new lines, each checked strictly (RFC 822). */
	static List<String> recipients(@Nullable String text, List<Issue> issues) {
		Set<String> addresses = new LinkedHashSet<>();
		for (String part : ((text != null) ? text : "").split("[,;\\r\\n]+")) {
			String candidate = part.strip();
			if (candidate.isEmpty()) {
				continue;
			}
			if (!validAddress(candidate)) {
				issues.add(new Issue("recipients", "report.subscription.error.address", candidate));
			}
			else {
				addresses.add(candidate);
			}
		}
		if (addresses.isEmpty() && issues.stream().noneMatch((issue) -> issue.field().equals("recipients"))) {
			issues.add(new Issue("recipients", "report.subscription.error.recipients"));
		}
		return List.copyOf(addresses);
	}

	/** One plain address ({@code ops@example.com}), no display name, with a domain. */
	static boolean validAddress(String candidate) {
		try {
			InternetAddress address = new InternetAddress(candidate, true);
			address.validate();
			return address.getPersonal() == null && candidate.equals(address.getAddress())
					&& candidate.indexOf('@') > 0 && candidate.lastIndexOf('.') > candidate.indexOf('@');
		}
		catch (AddressException ex) {
			return false;
		}
	}

	/** Why a cron expression cannot be a report's schedule, or {@code null} when it can. */
	@Nullable Issue cronIssue(String cron, ZoneId zone, Instant now) {
		CronExpression expression;
		try {
			expression = CronExpression.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			return new Issue("cron", "report.subscription.error.cron", String.valueOf(ex.getMessage()));
		}
		ZonedDateTime first = expression.next(now.atZone(zone));
		if (first == null || first.toInstant().isAfter(now.plus(HORIZON))) {
			return new Issue("cron", "report.subscription.error.cron-never");
		}
		ZonedDateTime previous = first;
		for (int i = 0; i < 5; i++) {
			ZonedDateTime next = expression.next(previous);
			if (next == null) {
				break;
			}
			if (Duration.between(previous, next).compareTo(this.settings.minInterval()) < 0) {
				return new Issue("cron", "report.subscription.error.cron-often",
						this.settings.minInterval().toMinutes());
			}
			previous = next;
		}
		return null;
	}

	/** The next time a cron fires after {@code after}, in its zone; {@code null} when never. */
	static @Nullable Instant next(String cron, ZoneId zone, Instant after) {
		ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(zone));
		return (next != null) ? next.toInstant() : null;
	}

}
