package dev.ballast.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, creates the user {@code admin} with the password of
 * {@code ballast.security.admin-password} ({@code BALLAST_ADMIN_PASSWORD}), or with a generated
 * one printed once in the log. Once any user exists it does nothing, whatever the setting says.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I). */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final int GENERATED_LENGTH = 20;

	private final SecureRandom random = new SecureRandom();

	private final UserAccountRepository users;

	private final UserAccounts accounts;

	private final SecuritySettings settings;

	AdminBootstrap(UserAccountRepository users, UserAccounts accounts, SecuritySettings settings) {
		this.users = users;
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		createAdminIfNoUsers();
	}

	/** @return whether the administrator was created now */
	boolean createAdminIfNoUsers() {
		if (this.users.count() > 0) {
			return false;
		}
		String configured = this.settings.adminPassword();
		String password = (configured != null) ? configured : generatePassword();
		try {
			this.accounts.create(ADMIN, Role.ADMIN, password, Actor.BALLAST);
		}
		catch (UserChangeRefusedException ex) {
			logger.info("Another Ballast instance created the user '{}' first", ADMIN);
			return false;
		}
		if (configured != null) {
			logger.info("Created the user '{}' with the password of ballast.security.admin-password", ADMIN);
		}
		else {
			logger.warn(box("First start: Ballast created the user '" + ADMIN + "' with this password:", "",
					"    " + password, "", "It is shown only this once. Sign in and set your own under",
					"Settings > Users, or set BALLAST_ADMIN_PASSWORD before a first start."));
		}
		return true;
	}

	private String generatePassword() {
		String password;
		do {
			StringBuilder generated = new StringBuilder(GENERATED_LENGTH);
			for (int i = 0; i < GENERATED_LENGTH; i++) {
				generated.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
			password = generated.toString();
		}
		while (PasswordPolicy.problem(ADMIN, password) != null);
		return password;
	}

	static String box(String... lines) {
		int width = 0;
		for (String line : lines) {
			width = Math.max(width, line.length());
		}
		String edge = "+" + "-".repeat(width + 4) + "+";
		List<String> boxed = new ArrayList<>();
		boxed.add("");
		boxed.add(edge);
		for (String line : lines) {
			boxed.add("|  " + line + " ".repeat(width - line.length()) + "  |");
		}
		boxed.add(edge);
		return String.join(System.lineSeparator(), boxed);
	}

}
