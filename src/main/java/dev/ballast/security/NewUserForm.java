package dev.ballast.security;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The form that creates a user. Fields are {@code null} when the browser did not send them; the
 * constraints (and {@link PasswordPolicy}) say what is missing.
 *
 * @param username letters, digits and {@code . _ @ -}, starting with a letter or digit
 * @param role the role to give
 * @param password the first password, which the administrator passes on
 */
record NewUserForm(
		@NotBlank(message = "{security.users.username.required}") @Size(max = 100,
				message = "{security.users.username.too-long}") @Pattern(regexp = "([A-Za-z0-9][A-Za-z0-9._@-]*)?",
						message = "{security.users.username.characters}") @Nullable String username,
		@NotNull(message = "{security.users.role.required}") @Nullable Role role,
		@NotBlank(message = "{security.password.required}") @Nullable String password) {

	static NewUserForm empty() {
		return new NewUserForm("", Role.VIEWER, "");
	}

}
