package dev.ballast.security;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request for an API token, from the token form or {@code POST /api/v1/tokens}.
 *
 * @param name what the token is for, e.g. "CI pipeline"
 * @param expiresInDays days until it expires; {@code null} for a token that never expires
 */
record NewToken(@NotBlank(message = "{security.tokens.name.required}") @Size(max = 100,
		message = "{security.tokens.name.too-long}") String name,
		@Nullable @Min(value = 1, message = "{security.tokens.expiry.range}") @Max(value = 3650,
				message = "{security.tokens.expiry.range}") Integer expiresInDays) {

}
