package dev.ballast.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Refused without checking the credentials: too many recent failures for this username or from
 * this client address.
 */
class TooManyAttemptsException extends AuthenticationException {

	private final Duration retryAfter;

	TooManyAttemptsException(Duration retryAfter) {
		super("Too many failed attempts; retry after " + retryAfter);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
