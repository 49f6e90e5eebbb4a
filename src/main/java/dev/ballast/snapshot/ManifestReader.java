package dev.ballast.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ballast.snapshot.SnapshotSource.Origin;
import dev.ballast.snapshot.internal.InputBudget;
import dev.ballast.snapshot.internal.ManifestInputs;
import dev.ballast.snapshot.internal.ObjectRouter;
import dev.ballast.snapshot.internal.YamlObjects;

/**
 * Reads manifest files into a {@link ClusterSnapshot}: multi-document YAML, JSON, {@code List}
 * kinds and {@code kubectl get -A -o yaml} dumps, folders (recursive), zip and tar(.gz) archives,
 * standard input and uploads. Parsing is safe (plain data only, bounded aliases, nesting and sizes) and
 * streaming: a dump's items are read one at a time and reduced at once.
 * <p>
 * Problems name the file, document, item and line. Strictly, any problem fails the read with a
 * {@link ManifestException} listing them all; in best-effort mode a bad document is skipped and
 * reported in {@link SnapshotSource#warnings()}. Passing the total size limit fails the read in
 * both modes. Kinds the model does not hold (custom resources, ...) are counted in
 * {@link SnapshotSource#otherKinds()}, never an error; Secrets are counted and dropped unread.
 * Objects without a namespace are placed in {@code default}.
 */
public final class ManifestReader {

	private static final int KEPT_PROBLEMS = 100;

	private final Settings settings;

	private final Clock clock;

	public ManifestReader() {
		this(Settings.defaults());
	}

	public ManifestReader(Settings settings) {
		this(settings, Clock.systemUTC());
	}

	public ManifestReader(Settings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Reads files, folders and archives.
	 * @param clusterName the name the snapshot carries
	 * @param paths what to read, in order
	 * @return the snapshot
	 * @throws ManifestException if the input is invalid (strict mode) or too large
	 */
	public ClusterSnapshot read(String clusterName, List<Path> paths) {
		Session session = new Session(clusterName);
		return session.run((inputs) -> {
			for (Path path : paths) {
				inputs.read(path);
			}
		});
	}

	/**
	 * Reads one stream: YAML or JSON text, a zip or tar(.gz) archive, or gzipped text.
	 * @param clusterName the name the snapshot carries
	 * @param sourceName what to call the stream in messages, e.g. {@code <stdin>}
	 * @param in the stream; not closed
	 * @return the snapshot
	 * @throws ManifestException if the input is invalid (strict mode) or too large
	 */
	public ClusterSnapshot read(String clusterName, String sourceName, InputStream in) {
		Session session = new Session(clusterName);
		return session.run((inputs) -> inputs.read(sourceName, in));
	}

	/**
	 * Reads several streams (uploads) into one snapshot, each opened when its turn comes and
	 * closed after it: YAML or JSON text, a zip or tar(.gz) archive, or gzipped text, recognised
	 * by content. A stream that cannot be opened is a problem of its source.
	 * @param clusterName the name the snapshot carries
	 * @param sources what to read, in order
	 * @return the snapshot
	 * @throws ManifestException if the input is invalid (strict mode) or too large
	 */
	public ClusterSnapshot readStreams(String clusterName, List<Source> sources) {
		Session session = new Session(clusterName);
		return session.run((inputs) -> {
			for (Source source : sources) {
				try (InputStream in = source.opener().open()) {
					inputs.read(source.name(), in);
				}
				catch (IOException ex) {
					session.problem(source.name(), "cannot be read: " + ex.getMessage());
				}
			}
		});
	}

	/**
	 * A named stream for {@link #readStreams}.
	 *
	 * @param name what to call it in messages, e.g. the uploaded file's name
	 * @param opener opens the stream
	 */
	public record Source(String name, Opener opener) {
	}

	/** Opens the stream of a {@link Source}. */
	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

	/**
	 * Limits and mode of a read.
	 *
	 * @param maxTotalBytes the most text read in all (decompressed), default 50 MiB
	 * @param maxDocumentBytes the largest document, or item of a list document, default 10 MiB
	 * @param maxAliases the most aliases to collections in one document, default 50
	 * @param maxDepth the deepest nesting of collections, default 100
	 * @param bestEffort skip bad documents with a warning instead of failing
	 */
	public record Settings(long maxTotalBytes, long maxDocumentBytes, int maxAliases, int maxDepth,
			boolean bestEffort) {

		/** 50 MiB. */
		public static final long DEFAULT_MAX_TOTAL_BYTES = 50L * 1024 * 1024;

		/** 10 MiB. */
		public static final long DEFAULT_MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

		/**
		 * The defaults: 50 MiB in all, 10 MiB per document, 50 aliases, depth 100, strict.
		 * @return the default settings
		 */
		public static Settings defaults() {
			return new Settings(DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, 50, 100, false);
		}

		public Settings withBestEffort(boolean bestEffort) {
			return new Settings(this.maxTotalBytes, this.maxDocumentBytes, this.maxAliases, this.maxDepth, bestEffort);
		}

		public Settings withMaxTotalBytes(long maxTotalBytes) {
			return new Settings(maxTotalBytes, this.maxDocumentBytes, this.maxAliases, this.maxDepth, this.bestEffort);
		}

		public Settings withMaxDocumentBytes(long maxDocumentBytes) {
			return new Settings(this.maxTotalBytes, maxDocumentBytes, this.maxAliases, this.maxDepth, this.bestEffort);
		}

	}

	/** One read: the builder, the problems found, the inputs. */
	private final class Session implements ManifestInputs.Receiver {

		private final SnapshotBuilder builder;

		private final ObjectRouter router;

		private final List<ManifestProblem> problems = new ArrayList<>();

		private int total;

		Session(String clusterName) {
			this.builder = ClusterSnapshot.builder()
				.clusterName(clusterName)
				.origin(Origin.MANIFESTS)
				.takenAt(ManifestReader.this.clock.instant());
			this.router = new ObjectRouter(this.builder);
		}

		ClusterSnapshot run(Reading reading) {
			Settings limits = ManifestReader.this.settings;
			YamlObjects yaml = new YamlObjects(limits.maxDocumentBytes(), limits.maxAliases(), limits.maxDepth(),
					limits.maxTotalBytes());
			ManifestInputs inputs = new ManifestInputs(yaml, new InputBudget(limits.maxTotalBytes()), this);
			try {
				reading.read(inputs);
			}
			catch (InputBudget.Exceeded ex) {
				add(new ManifestProblem("input", 0, null, 0, ex.getMessage() + "; reading stopped"));
				throw new ManifestException(this.problems, this.total);
			}
			if (this.total > 0 && !limits.bestEffort()) {
				throw new ManifestException(this.problems, this.total);
			}
			for (ManifestProblem problem : this.problems) {
				this.builder.warning("Skipped: " + problem);
			}
			if (this.total > this.problems.size()) {
				this.builder.warning("Skipped: " + (this.total - this.problems.size()) + " more problems");
			}
			return this.builder.build();
		}

		@Override
		public YamlObjects.Sink sink(String source) {
			return new YamlObjects.Sink() {

				@Override
				public void object(Map<String, Object> object, YamlObjects.Position position) {
					String problem = Session.this.router.route(object);
					if (problem != null) {
						problem(position, problem);
					}
				}

				@Override
				public void problem(YamlObjects.Position position, String message) {
					add(new ManifestProblem(source, position.document(), position.item(), position.line(), message));
				}

			};
		}

		@Override
		public void problem(String source, String message) {
			add(new ManifestProblem(source, 0, null, 0, message));
		}

		@Override
		public void warning(String message) {
			this.builder.warning(message);
		}

		private void add(ManifestProblem problem) {
			this.total++;
			if (this.problems.size() < KEPT_PROBLEMS) {
				this.problems.add(problem);
			}
		}

	}

	@FunctionalInterface
	private interface Reading {

		void read(ManifestInputs inputs) throws InputBudget.Exceeded;

	}

}
