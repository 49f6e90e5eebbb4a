package dev.ballast.checks;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A custom check being written, from the custom check form or {@code /api/v1/checks/custom}.
 *
 * @param id kebab-case id
 * @param title what it checks
 * @param category its category
 * @param severity its severity
 * @param kinds workload kinds it applies to, comma-separated; blank for all
 * @param expression the CEL expression; {@code true} means the object passes
 * @param message what a finding says, or blank to show the expression
 * @param sample a sample object (YAML) the expression is tested on before saving
 * @param tested on the page, the fingerprint of the expression and sample last tested without
 * error ({@link CustomCheckTrials#fingerprint}); the API tests on save and ignores it
 */
record CustomCheckForm(
		@NotBlank(message = "{checks.custom.id.required}") @Size(max = 63, message = "{checks.form.too-long}") @Pattern(
				regexp = "([a-z0-9]([a-z0-9-]*[a-z0-9])?)?", message = "{checks.custom.id.kebab}") @Nullable String id,
		@NotBlank(message = "{checks.custom.title.required}") @Size(max = 200,
				message = "{checks.form.too-long}") @Nullable String title,
		@NotNull(message = "{checks.custom.category.required}") @Nullable Category category,
		@NotNull(message = "{checks.custom.severity.required}") @Nullable Severity severity,
		@Size(max = 500, message = "{checks.form.too-long}") @Nullable String kinds,
		@NotBlank(message = "{checks.custom.expression.required}") @Size(max = 10_000,
				message = "{checks.form.too-long}") @Nullable String expression,
		@Size(max = 500, message = "{checks.form.too-long}") @Nullable String message,
		@NotBlank(message = "{checks.custom.sample.required}") @Size(max = 100_000,
				message = "{checks.form.too-long}") @Nullable String sample,
		@Nullable String tested) {

	static CustomCheckForm empty() {
		return new CustomCheckForm("", "", Category.OPERATIONS, Severity.WARNING, "Deployment",
				"has(object.metadata.labels) && 'team' in object.metadata.labels", "",
				"""
						apiVersion: apps/v1
						kind: Deployment
						metadata:
						  name: example
						  namespace: default
						  labels:
						    team: payments
						""", "");
	}

	CustomCheckForm withTested(@Nullable String fingerprint) {
		return new CustomCheckForm(this.id, this.title, this.category, this.severity, this.kinds, this.expression,
				this.message, this.sample, fingerprint);
	}

}
