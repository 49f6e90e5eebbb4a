package dev.ballast.scan;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A cluster's schedule as the schedule page edits it; the names are those of the API, so a
 * refused value is reported on the field its problem detail names.
 *
 * @param cron second minute hour day month weekday, in UTC
 * @param enabled whether scheduled scans run (a browser sends nothing for an unticked box)
 * @param findingsRetentionDays days to keep raw findings; empty for the default
 */
record ScheduleForm(@NotBlank(message = "{scan.schedule.cron.required}") @Size(max = 120,
		message = "{scan.schedule.cron.too-long}") @Nullable String cron, @Nullable Boolean enabled,
		@Min(value = 1, message = "{scan.schedule.retention.range}") @Max(value = 36500,
				message = "{scan.schedule.retention.range}") @Nullable Integer findingsRetentionDays) {

	static ScheduleForm of(Schedule schedule, int defaultRetentionDays) {
		return new ScheduleForm(schedule.cron(), schedule.enabled(),
				(schedule.findingsRetentionDays() == defaultRetentionDays) ? null : schedule.findingsRetentionDays());
	}

}
