package dev.ballast.database;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL server on a persistent data directory, guarded by a lock file so that a
 * second Ballast started on the same directory stops with a clear message instead of corrupting
 * the database.
 */
final class EmbeddedPostgresServer implements Closeable {

	static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final DatabaseSettings.Embedded settings;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock,
			DatabaseSettings.Embedded settings) {
		this.postgres = postgres;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.settings = settings;
	}

	static EmbeddedPostgresServer start(DatabaseSettings.Embedded settings) {
		Path dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
		Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
		FileChannel channel = null;
		try {
			Files.createDirectories(dataDirectory.getParent());
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				throw new EmbeddedDatabaseInUseException(dataDirectory, lockFile);
			}
			boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(settings.startupTimeout())
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "50");
			if (settings.port() != 0) {
				builder.setPort(settings.port());
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL {} on 127.0.0.1:{}, data in {}", fresh ? "initialised" : "started",
					postgres.getPort(), dataDirectory);
			return new EmbeddedPostgresServer(postgres, channel, lock, settings);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Could not start the embedded PostgreSQL with data in " + dataDirectory
					+ ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null; // held by this very JVM
		}
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl(USER, "postgres");
	}

	int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		try {
			this.postgres.close();
			if (this.settings.temporary()) {
				Path dataDirectory = this.settings.dataDirectory().toAbsolutePath().normalize();
				deleteRecursively(dataDirectory);
				Files.deleteIfExists(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock"));
				deleteIfEmpty(dataDirectory.getParent());
			}
		}
		finally {
			this.lock.release();
			this.lockChannel.close();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static void deleteIfEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			if (entries.findAny().isEmpty()) {
				Files.delete(directory);
			}
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				log.debug("Could not close lock file", ex);
			}
		}
	}

}
