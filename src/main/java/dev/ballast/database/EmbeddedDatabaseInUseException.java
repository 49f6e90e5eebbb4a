package dev.ballast.database;

import java.nio.file.Path;

/**
 * Another Ballast (or another process) already runs an embedded PostgreSQL on this data
 * directory. Reported by {@link EmbeddedDatabaseInUseFailureAnalyzer} at startup.
 */
class EmbeddedDatabaseInUseException extends IllegalStateException {

	private final Path dataDirectory;

	private final Path lockFile;

	EmbeddedDatabaseInUseException(Path dataDirectory, Path lockFile) {
		super("The embedded database in " + dataDirectory + " is already in use (lock " + lockFile + ")");
		this.dataDirectory = dataDirectory;
		this.lockFile = lockFile;
	}

	Path dataDirectory() {
		return this.dataDirectory;
	}

	Path lockFile() {
		return this.lockFile;
	}

}
