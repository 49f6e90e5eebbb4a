package dev.ballast.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a second start on the same embedded data directory into a plain startup report instead
 * of a stack trace.
 */
class EmbeddedDatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseInUseException cause) {
		return new FailureAnalysis(
				"Another Ballast is already running on the embedded database in " + cause.dataDirectory()
						+ " (its lock file " + cause.lockFile() + " is held).",
				"Stop the other Ballast first, or give this one its own data directory with "
						+ "--ballast.database.embedded.data-directory=/some/other/dir, "
						+ "or connect both to a shared PostgreSQL server with SPRING_DATASOURCE_URL.",
				cause);
	}

}
