package dev.ballast.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The SMTP server reports go through. The password itself never leaves {@link SmtpStore}.
 *
 * @param host the server's host name
 * @param port its port
 * @param security plain, STARTTLS or TLS
 * @param username the user to authenticate as, {@code null} for no authentication
 * @param passwordSet whether a password is stored
 * @param from the sender address
 * @param updatedBy who saved these settings ({@code null}: the defaults, never saved)
 * @param updatedAt when
 */
record SmtpSettings(String host, int port, SmtpSecurity security, @Nullable String username, boolean passwordSet,
		String from, @Nullable String updatedBy, @Nullable Instant updatedAt) {
}
