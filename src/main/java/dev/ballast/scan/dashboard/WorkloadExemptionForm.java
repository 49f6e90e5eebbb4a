package dev.ballast.scan.dashboard;

import java.time.LocalDate;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Exempting one check on the workload of the page.
 *
 * @param checkId the check of the finding
 * @param reason why, required
 * @param until the last day it applies (UTC); blank for {@link #DEFAULT_DAYS} days from today
 */
record WorkloadExemptionForm(@NotBlank(message = "{workload.exempt.check.required}") @Size(max = 63) @Nullable String checkId,
		@NotBlank(message = "{workload.exempt.reason.required}") @Size(max = 500,
				message = "{workload.exempt.reason.too-long}") @Nullable String reason,
		@FutureOrPresent(message = "{workload.exempt.until.past}") @Nullable LocalDate until) {

	/** How long an exemption without an expiry date lasts. */
	static final int DEFAULT_DAYS = 90;

	LocalDate lastDay(LocalDate today) {
		return (this.until != null) ? this.until : today.plusDays(DEFAULT_DAYS);
	}

}
