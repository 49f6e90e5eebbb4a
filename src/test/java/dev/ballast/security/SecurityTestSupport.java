package dev.ballast.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Users, sessions and client addresses for the integration tests. Names and addresses are unique
 * per call, so tests sharing one context and one rate limiter do not disturb each other.
 */
final class SecurityTestSupport {

	static final String ADMIN_PASSWORD = "first-admin-password-42";

	static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger counter = new AtomicInteger();

	private SecurityTestSupport() {
	}

	static String uniqueName(String prefix) {
		return prefix + "-" + counter.incrementAndGet();
	}

	/** A client address no other test uses. */
	static String uniqueAddress() {
		int n = counter.incrementAndGet();
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A browser session of this user, as form login creates it. */
	static RequestPostProcessor signedIn(SignedInUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority()))));
	}

	static SignedInUser createUser(UserAccounts users, String prefix, Role role) {
		return users.create(uniqueName(prefix), role, PASSWORD, Actor.BALLAST).toSignedInUser();
	}

}
