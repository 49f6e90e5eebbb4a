package dev.ballast.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.security.Role;
import dev.ballast.security.SignedInUser;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * What the scan tests share: waiting for a scan to finish, and a signed-in user of a role.
 */
final class ScanTestSupport {

	private ScanTestSupport() {
	}

	/** Waits up to a minute for a scan to land or fail. */
	static Scan awaitFinished(Scans scans, long id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Scan scan = scans.get(id);
			if (scan.state().finished()) {
				return scan;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("scan " + id + " did not finish within a minute");
	}

	/** A user named {@code <prefix>-<role>} signed in with a role. */
	static RequestPostProcessor signedIn(String prefix, Role role) {
		SignedInUser user = new SignedInUser(0, prefix + "-" + role.name().toLowerCase(Locale.ROOT), role);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
	}

}
