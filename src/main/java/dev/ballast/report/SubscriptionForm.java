package dev.ballast.report;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A subscription as the form (and the API) sends it. {@code schedule} is {@code daily},
 * {@code weekly} or {@code custom} (then {@code cron} counts); recipients are separated by commas
 * or new lines; no cluster means every cluster.
 */
record SubscriptionForm(@Nullable String name, @Nullable String recipients, @Nullable List<String> clusters,
		@Nullable String schedule, @Nullable String cron, @Nullable String zone, @Nullable String language,
		@Nullable List<ReportSection> sections, @Nullable Boolean onlyWhenChanged, @Nullable Boolean attachPdf,
		@Nullable Boolean enabled) {

	static final String DAILY = "0 0 8 * * *";

	static final String WEEKLY = "0 0 8 * * MON";

	static SubscriptionForm blank() {
		return new SubscriptionForm("", "", List.of(), "weekly", WEEKLY, "UTC", "en", List.of(ReportSection.values()),
				false, false, true);
	}

	static SubscriptionForm of(Subscription subscription) {
		String schedule = DAILY.equals(subscription.cron()) ? "daily"
				: WEEKLY.equals(subscription.cron()) ? "weekly" : "custom";
		return new SubscriptionForm(subscription.name(), String.join("\n", subscription.recipients()),
				subscription.clusters(), schedule, subscription.cron(), subscription.zone().getId(),
				subscription.language().toLanguageTag(),
				subscription.sections().stream().sorted().collect(Collectors.toList()),
				subscription.onlyWhenChanged(), subscription.attachPdf(), subscription.enabled());
	}

	/** The cron expression the chosen schedule stands for. */
	String effectiveCron() {
		if ("daily".equals(this.schedule)) {
			return DAILY;
		}
		if ("weekly".equals(this.schedule) || this.schedule == null) {
			return (this.schedule == null && this.cron != null && !this.cron.isBlank()) ? this.cron.strip() : WEEKLY;
		}
		return (this.cron != null) ? this.cron.strip() : "";
	}

}
