package dev.ballast.security;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;

/**
 * The form with which users change their own password.
 *
 * @param currentPassword proves it is really them
 * @param password the new password
 */
record OwnPasswordForm(@NotBlank(message = "{security.password.required}") @Nullable String currentPassword,
		@NotBlank(message = "{security.password.required}") @Nullable String password) {

}
