package dev.ballast.security;

import java.util.Collections;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads an API token from {@code Authorization: Bearer …} and from nowhere else: a token in the
 * URL ({@code ?access_token=}, {@code ?token=}) ends up in proxy and server logs and browser
 * history, so it is ignored and the request stays unauthenticated.
 */
final class BearerTokenConverter implements AuthenticationConverter {

	private static final String BEARER = "Bearer ";

	/** Whether the request carries a bearer token (then it needs no CSRF token). */
	static boolean hasBearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (!hasBearerToken(request)) {
			return null;
		}
		String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
		if (token.isEmpty()) {
			throw new BadCredentialsException("Empty bearer token");
		}
		return new BearerTokenRequest(token, request.getRemoteAddr());
	}

	/** A token not checked yet, and where it came from. */
	static final class BearerTokenRequest extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final String token;

		private final String clientAddress;

		BearerTokenRequest(String token, String clientAddress) {
			super(Collections.emptyList());
			this.token = token;
			this.clientAddress = clientAddress;
		}

		@Override
		public String getCredentials() {
			return this.token;
		}

		@Override
		public String getPrincipal() {
			return "api-token";
		}

		String clientAddress() {
			return this.clientAddress;
		}

	}

}
