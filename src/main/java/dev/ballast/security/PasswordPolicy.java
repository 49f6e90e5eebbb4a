package dev.ballast.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What makes a password acceptable: 12 characters at least, at most 72 bytes (what bcrypt
 * hashes), not containing the username, and more than a few distinct characters.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/**
	 * Why a password is not acceptable.
	 * @return a message code, or {@code null} when the password is fine
	 */
	static @Nullable String problem(String username, String password) {
		if (password.length() < MIN_LENGTH) {
			return "security.password.too-short";
		}
		if (!fitsHash(password)) {
			return "security.password.too-long";
		}
		if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			return "security.password.contains-username";
		}
		if (password.codePoints().distinct().count() < 5) {
			return "security.password.too-simple";
		}
		return null;
	}

	/** Whether bcrypt can hash the whole password (it refuses more than 72 bytes). */
	static boolean fitsHash(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

}
