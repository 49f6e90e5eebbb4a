package dev.ballast.security;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import dev.ballast.security.BearerTokenConverter.BearerTokenRequest;

/**
 * Checks an API token. A client address that sent too many invalid tokens is refused without
 * looking the token up, so guessing tokens is as slow as guessing passwords (and hopeless: a
 * token has 256 random bits).
 */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

	private final ApiTokens tokens;

	private final FailureLimiter failures;

	ApiTokenAuthenticationProvider(ApiTokens tokens, FailureLimiter failures) {
		this.tokens = tokens;
		this.failures = failures;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		BearerTokenRequest request = (BearerTokenRequest) authentication;
		String addressKey = request.clientAddress();
		Duration locked = this.failures.lockedFor(addressKey);
		if (!locked.isZero()) {
			throw new TooManyAttemptsException(locked);
		}
		return this.tokens.authenticate(request.getCredentials()).orElseThrow(() -> {
			this.failures.recordFailure(addressKey);
			return new BadCredentialsException("Unknown, revoked or expired API token");
		});
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenRequest.class.isAssignableFrom(authentication);
	}

}
