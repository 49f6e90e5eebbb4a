package dev.ballast.security;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Settings of sign-in and API tokens.
 *
 * @param adminPassword the password of the {@code admin} user created on the first start with an
 * empty database (environment variable {@code BALLAST_ADMIN_PASSWORD}); without it a password is
 * generated and logged once. Ignored once any user exists.
 * @param login how many failed sign-ins lock a username or a client address
 * @param tokens API token defaults and how many invalid tokens lock a client address
 */
@Validated
@ConfigurationProperties("ballast.security")
record SecuritySettings(@Nullable @Size(min = 12, max = 72) String adminPassword, @Valid @DefaultValue Login login,
		@Valid @DefaultValue Tokens tokens) {

	SecuritySettings {
		// BALLAST_ADMIN_PASSWORD set to nothing means "not set".
		adminPassword = (adminPassword == null || adminPassword.isBlank()) ? null : adminPassword;
	}

	/**
	 * @param maxFailures failed sign-ins of one username, or from one client address, that lock
	 * it for the rest of the window
	 * @param window how long failures are counted, from the first one
	 */
	record Login(@DefaultValue("5") @Min(1) int maxFailures,
			@DefaultValue("5m") @DurationMin(seconds = 1) Duration window) {
	}

	/**
	 * @param defaultValidity the expiry the token form suggests
	 * @param maxFailures invalid tokens from one client address that lock it for the rest of the
	 * window
	 * @param window how long invalid tokens are counted, from the first one
	 */
	record Tokens(@DefaultValue("90d") @DurationMin(days = 1) Duration defaultValidity,
			@DefaultValue("20") @Min(1) @Max(100_000) int maxFailures,
			@DefaultValue("5m") @DurationMin(seconds = 1) Duration window) {
	}

}
