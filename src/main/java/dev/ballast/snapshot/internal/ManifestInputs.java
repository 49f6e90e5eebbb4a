package dev.ballast.snapshot.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Finds manifest text in paths and streams: files, folders (recursive, {@code *.yaml},
 * {@code *.yml}, {@code *.json}, hidden entries skipped), zip and tar archives (gzipped or not,
 * recognised by their content), gzipped text; refuses binary content and text that is not UTF-8.
 * Every byte of text, decompressed, counts against the {@link InputBudget}.
 */
public final class ManifestInputs {

	private static final List<String> TEXT = List.of(".yaml", ".yml", ".json");

	private static final List<String> ARCHIVES = List.of(".zip", ".tar", ".tgz", ".tar.gz", ".gz");

	private static final int SNIFF = 8192;

	private final YamlObjects yaml;

	private final InputBudget budget;

	private final Receiver receiver;

	public ManifestInputs(YamlObjects yaml, InputBudget budget, Receiver receiver) {
		this.yaml = yaml;
		this.budget = budget;
		this.receiver = receiver;
	}

	/**
	 * Reads a file, folder or archive.
	 * @param path the path
	 * @throws InputBudget.Exceeded when the total size limit is passed
	 */
	public void read(Path path) throws InputBudget.Exceeded {
		try {
			if (Files.isDirectory(path)) {
				try (Stream<Path> files = Files.walk(path)) {
					for (Path file : files.filter(Files::isRegularFile)
						.filter((file) -> !hidden(path.relativize(file)) && (wanted(file.toString(), TEXT)
								|| wanted(file.toString(), ARCHIVES)))
						.sorted()
						.toList()) {
						readFile(file);
					}
				}
			}
			else {
				readFile(path);
			}
		}
		catch (InputBudget.Exceeded ex) {
			throw ex;
		}
		catch (IOException ex) {
			this.receiver.problem(path.toString(), "cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * Reads a stream (standard input, an upload): text, an archive or gzipped text.
	 * @param name what to call it in messages
	 * @param in the stream, closed by the caller
	 * @throws InputBudget.Exceeded when the total size limit is passed
	 */
	public void read(String name, InputStream in) throws InputBudget.Exceeded {
		try {
			readStream(name, in, true, true);
		}
		catch (InputBudget.Exceeded ex) {
			throw ex;
		}
		catch (IOException ex) {
			this.receiver.problem(name, "cannot be read: " + ex.getMessage());
		}
	}

	private void readFile(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			readStream(file.toString(), in, true, true);
		}
	}

	private void readStream(String name, InputStream raw, boolean archivesAllowed, boolean gzipAllowed) throws IOException {
		BufferedInputStream in = new BufferedInputStream(raw, 65536);
		byte[] head = peek(in, 512);
		boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
		boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
		boolean tar = head.length >= 262 && new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
		if ((gzip && !gzipAllowed) || ((zip || tar) && !archivesAllowed)) {
			this.receiver.warning(name + ": an archive inside an archive is not read");
		}
		else if (gzip) {
			readStream(name, new GZIPInputStream(in, 65536), archivesAllowed, false);
		}
		else if (zip) {
			readZip(name, in);
		}
		else if (tar) {
			readTar(name, in);
		}
		else {
			readText(name, in);
		}
	}

	private void readZip(String name, InputStream in) throws IOException {
		ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
		for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
			if (!entry.isDirectory()) {
				entry(name, entry.getName(), zip);
			}
		}
	}

	private void readTar(String name, InputStream in) throws IOException {
		TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
		for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
			if (entry.isFile()) {
				entry(name, entry.getName(), tar);
			}
		}
	}

	private void entry(String archive, String entry, InputStream in) throws IOException {
		String name = archive + "!/" + entry;
		if (hidden(Path.of(entry.replace('\\', '/')))) {
			return;
		}
		if (wanted(entry, ARCHIVES)) {
			this.receiver.warning(name + ": an archive inside an archive is not read");
		}
		else if (wanted(entry, TEXT)) {
			readStream(name, new FilterInputStream(in) {

				@Override
				public void close() {
					// the archive stream stays open for the next entry
				}

			}, false, false);
		}
	}

	private void readText(String name, BufferedInputStream in) throws IOException {
		byte[] head = peek(in, SNIFF);
		for (int i = 0; i < head.length; i++) {
			if (head[i] == 0) {
				this.receiver.problem(name, "binary content (a NUL byte at offset " + i + "), not a YAML or JSON manifest");
				return;
			}
		}
		Reader reader = new InputStreamReader(this.budget.track(in), StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
		reader = new java.io.BufferedReader(reader, 65536);
		try {
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			this.yaml.read(reader, this.receiver.sink(name));
		}
		catch (CharacterCodingException ex) {
			this.receiver.problem(name, "not UTF-8 text (binary content?); the rest of it was not read");
		}
	}

	private static byte[] peek(BufferedInputStream in, int count) throws IOException {
		in.mark(count);
		byte[] head = in.readNBytes(count);
		in.reset();
		return head;
	}

	private static boolean wanted(String name, List<String> extensions) {
		String lower = name.toLowerCase(Locale.ROOT);
		return extensions.stream().anyMatch(lower::endsWith);
	}

	private static boolean hidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	/** Receives what the inputs hold. */
	public interface Receiver {

		/**
		 * A sink for the objects and problems of one source.
		 * @param source the source name
		 * @return the sink
		 */
		YamlObjects.Sink sink(String source);

		void problem(String source, String message);

		void warning(String message);

	}

}
