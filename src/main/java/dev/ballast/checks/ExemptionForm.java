package dev.ballast.checks;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new exemption, from the exemptions page or {@code POST /api/v1/checks/exemptions}.
 *
 * @param cluster the cluster's name, or {@code *} (or blank) for every cluster
 * @param namespace the namespace, or blank for any
 * @param kind the workload kind (e.g. {@code Deployment}), or blank for any
 * @param name the workload name, a prefix ending in {@code *}, or blank for any
 * @param checkId the check, or {@code all}
 * @param reason why, shown with every finding it exempts
 * @param until the last day it applies (UTC); must be in the future
 */
record ExemptionForm(@Size(max = 63, message = "{checks.form.too-long}") @Nullable String cluster,
		@Size(max = 63, message = "{checks.form.too-long}") @Nullable String namespace,
		@Size(max = 63, message = "{checks.form.too-long}") @Nullable String kind,
		@Size(max = 253, message = "{checks.form.too-long}") @Nullable String name,
		@NotBlank(message = "{checks.form.check.required}") @Nullable String checkId,
		@NotBlank(message = "{checks.form.reason.required}") @Size(max = 500,
				message = "{checks.form.too-long}") @Nullable String reason,
		@NotNull(message = "{checks.form.until.required}") @Future(
				message = "{checks.form.until.future}") @Nullable LocalDate until) {

	static ExemptionForm empty() {
		return new ExemptionForm("*", "", "", "", "all", "", null);
	}

}
