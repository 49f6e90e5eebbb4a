package dev.ballast.checks;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change of one check's setting, from the settings page or {@code PUT /api/v1/checks/settings}.
 *
 * @param cluster the cluster's name, or {@code *} (or blank) for every cluster
 * @param namespace the namespace, or blank for the whole cluster
 * @param checkId the check, built-in or custom
 * @param setting {@code danger}, {@code warning}, {@code info}, {@code off}, or {@code default}
 * to remove the change
 * @param reason why, kept in the history
 */
record SettingForm(@Size(max = 63, message = "{checks.form.too-long}") @Nullable String cluster,
		@Size(max = 63, message = "{checks.form.too-long}") @Nullable String namespace,
		@NotBlank(message = "{checks.form.check.required}") @Nullable String checkId,
		@NotBlank(message = "{checks.form.setting.required}") @Pattern(regexp = "danger|warning|info|off|default",
				message = "{checks.form.setting.invalid}") @Nullable String setting,
		@NotBlank(message = "{checks.form.reason.required}") @Size(max = 500,
				message = "{checks.form.too-long}") @Nullable String reason) {

	static SettingForm empty() {
		return new SettingForm("*", "", "", "off", "");
	}

}
