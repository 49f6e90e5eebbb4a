package dev.ballast.security;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who acts and from where, as the audit log records it.
 *
 * @param name the signed-in user, or the name typed at a failed sign-in
 * @param address the client address (behind a proxy: from {@code X-Forwarded-For}, see
 * {@code server.forward-headers-strategy})
 */
record Actor(String name, @Nullable String address) {

	/** Ballast itself, e.g. creating the first administrator. */
	static final Actor BALLAST = new Actor("ballast", null);

	static Actor of(SignedInUser user, HttpServletRequest request) {
		return new Actor(user.username(), request.getRemoteAddr());
	}

}
