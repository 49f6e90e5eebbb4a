package dev.ballast.security;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;

/**
 * The form that sets a user's new password; {@link PasswordPolicy} says whether it is good
 * enough.
 *
 * @param password the new password
 */
record PasswordForm(@NotBlank(message = "{security.password.required}") @Nullable String password) {

}
