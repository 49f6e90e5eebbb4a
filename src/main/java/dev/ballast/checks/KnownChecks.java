package dev.ballast.checks;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The check ids settings and exemptions may name: the built-in catalogue and the stored custom
 * checks.
 */
@Component
class KnownChecks {

	private final JdbcClient jdbc;

	KnownChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<String> ids() {
		Set<String> ids = builtIn();
		ids.addAll(this.jdbc.sql("SELECT id FROM custom_check").query(String.class).list());
		return ids;
	}

	static Set<String> builtIn() {
		Set<String> ids = new HashSet<>();
		CheckEngine.standard().catalogue().forEach((check) -> ids.add(check.id()));
		return ids;
	}

}
