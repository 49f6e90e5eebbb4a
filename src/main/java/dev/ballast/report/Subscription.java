package dev.ballast.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A report subscription: who gets which report, when, in which language.
 *
 * @param id its id
 * @param name what the admin called it, shown in the subject
 * @param recipients e-mail addresses
 * @param clusters cluster names; empty for every cluster
 * @param cron Spring cron expression (6 fields) in {@code zone}
 * @param zone the time zone of the schedule
 * @param language {@code en} or {@code zh-CN}
 * @param sections what the report holds
 * @param onlyWhenChanged send only when something changed since the last report
 * @param attachPdf attach the report as a PDF too
 * @param enabled whether the schedule runs
 * @param lastSentAt when a report of it was last sent, {@code null} before the first
 */
public record Subscription(long id, String name, List<String> recipients, List<String> clusters, String cron,
		ZoneId zone, Locale language, Set<ReportSection> sections, boolean onlyWhenChanged, boolean attachPdf,
		boolean enabled, @Nullable Instant lastSentAt) {

	public Subscription {
		recipients = List.copyOf(recipients);
		clusters = List.copyOf(clusters);
		sections = Set.copyOf(sections);
	}

}
