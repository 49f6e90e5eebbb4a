package dev.ballast.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ballast.cluster.Secrets;

/**
 * The single row of SMTP settings. Until an admin saves them, the defaults of
 * {@code ballast.report.default-smtp-*} apply (the compose file's Mailpit). The password is stored
 * encrypted with the cluster credentials key and only decrypted to send.
 */
@Component
class SmtpStore {

	/** The settings and, for sending only, the password in clear. */
	record Connection(SmtpSettings settings, @Nullable String password) {
	}

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final ReportSettings defaults;

	private final Clock clock;

	SmtpStore(JdbcClient jdbc, Secrets secrets, ReportSettings defaults, Clock reportClock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.defaults = defaults;
		this.clock = reportClock;
	}

	@Transactional(readOnly = true)
	SmtpSettings get() {
		return stored().map(Connection::settings).orElseGet(this::defaults);
	}

	@Transactional(readOnly = true)
	Connection connection() {
		return stored().map((stored) -> new Connection(stored.settings(),
				(stored.password() != null) ? this.secrets.decrypt(stored.password()) : null))
			.orElseGet(() -> new Connection(defaults(), null));
	}

	/** Whether a password can be stored (a credentials key is configured). */
	boolean canStorePassword() {
		return this.secrets.available();
	}

	/**
	 * Saves the settings.
	 * @param password a new password; {@code null} or blank keeps the stored one
	 * @param clearPassword removes the stored password
	 */
	@Transactional
	SmtpSettings save(String host, int port, SmtpSecurity security, @Nullable String username,
			@Nullable String password, boolean clearPassword, String from, String actor) {
		String encrypted = stored().map(Connection::password).orElse(null);
		if (clearPassword) {
			encrypted = null;
		}
		else if (password != null && !password.isEmpty()) {
			encrypted = this.secrets.encrypt(password);
		}
		this.jdbc.sql("""
				INSERT INTO smtp_settings (id, host, port, security, username, password_encrypted, from_address,
				  updated_by, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, security = EXCLUDED.security,
				  username = EXCLUDED.username, password_encrypted = EXCLUDED.password_encrypted,
				  from_address = EXCLUDED.from_address, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
				""")
			.params(host.strip(), port, security.name(), blankToNull(username), encrypted, from.strip(), actor,
					Timestamp.from(Instant.now(this.clock)))
			.update();
		return get();
	}

	private SmtpSettings defaults() {
		return new SmtpSettings(this.defaults.defaultSmtpHost(), this.defaults.defaultSmtpPort(), SmtpSecurity.NONE,
				null, false, this.defaults.defaultFrom(), null, null);
	}

	/** The stored row, its password still encrypted. */
	private Optional<Connection> stored() {
		return this.jdbc.sql("""
				SELECT host, port, security, username, password_encrypted, from_address, updated_by, updated_at
				FROM smtp_settings WHERE id = 1
				""").query(SmtpStore::row).optional();
	}

	private static Connection row(ResultSet rs, int row) throws SQLException {
		String encrypted = rs.getString(5);
		return new Connection(new SmtpSettings(rs.getString(1), rs.getInt(2), SmtpSecurity.valueOf(rs.getString(3)),
				rs.getString(4), encrypted != null, rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
				encrypted);
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
