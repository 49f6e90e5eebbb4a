package dev.ballast.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password from the sign-in form.
 * <ul>
 * <li>A username or client address with too many recent failures is refused before anything is
 * checked ({@link TooManyAttemptsException}).</li>
 * <li>An unknown username and a wrong password fail the same way and take the same time
 * ({@link BadCredentialsException}), so neither reveals which part was wrong.</li>
 * <li>That an account is disabled is only told to someone who knows its password
 * ({@link DisabledException}).</li>
 * </ul>
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final FailureLimiter failures;

	/** Compared against when the user does not exist, so that takes as long as a wrong password. */
	private final String unknownUserHash;

	PasswordAuthenticationProvider(UserAccountRepository users, PasswordEncoder passwordEncoder,
			SecuritySettings settings) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.failures = new FailureLimiter(settings.login().maxFailures(), settings.login().window(),
				Clock.systemUTC());
		this.unknownUserHash = passwordEncoder.encode("no such user, no such password");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName().strip();
		String password = (authentication.getCredentials() instanceof String text) ? text : "";
		String userKey = "user:" + username.toLowerCase(Locale.ROOT);
		String addressKey = "address:" + clientAddress(authentication);
		Duration locked = max(this.failures.lockedFor(userKey), this.failures.lockedFor(addressKey));
		if (!locked.isZero()) {
			throw new TooManyAttemptsException(locked);
		}
		UserAccount user = (username.length() <= 100) ? this.users.findByUsername(username).orElse(null) : null;
		String hash = (user != null) ? user.getPasswordHash() : this.unknownUserHash;
		boolean matches = PasswordPolicy.fitsHash(password) && this.passwordEncoder.matches(password, hash);
		if (user == null || !matches) {
			this.failures.recordFailure(userKey);
			this.failures.recordFailure(addressKey);
			throw new BadCredentialsException("Wrong username or password");
		}
		if (!user.isEnabled()) {
			throw new DisabledException("The account is disabled");
		}
		this.failures.reset(userKey);
		return UsernamePasswordAuthenticationToken.authenticated(user.toSignedInUser(), null,
				List.of(new SimpleGrantedAuthority(user.getRole().authority())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientAddress(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
