package dev.ballast.snapshot.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads YAML (and JSON, which SnakeYAML parses as YAML) into plain maps, lists and scalars, one
 * object at a time. Safe by construction: no tags but the standard scalar ones, so no types are
 * instantiated; at most {@code maxAliases} aliases to collections per document and a cap on the
 * expanded size (billion laughs); bounded nesting; duplicate keys refused. The {@code items} of a
 * list document ({@code kind: List}, {@code PodList}, a {@code kubectl get -o yaml} dump) are
 * streamed one by one, each bounded by the per-document size limit, so a dump is never held whole.
 * Scalars are typed by SnakeYAML's {@link SafeConstructor}; timestamps stay strings, as in
 * Kubernetes.
 */
public final class YamlObjects {

	private final Limits limits;

	public YamlObjects(long maxDocumentBytes, int maxAliases, int maxDepth, long maxTotalBytes) {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(maxAliases);
		options.setNestingDepthLimit(maxDepth);
		options.setAllowDuplicateKeys(false);
		options.setAllowRecursiveKeys(false);
		options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxTotalBytes));
		this.limits = new Limits(maxDocumentBytes, maxAliases, maxDepth, Math.max(100_000, maxDocumentBytes / 4), options);
	}

	/**
	 * Reads every document of a text stream.
	 * @param text the decoded text
	 * @param sink receives objects and problems
	 * @throws IOException if reading fails, the input budget is exceeded or the text is not
	 * UTF-8; the caller decides whether that ends the whole read
	 */
	public void read(Reader text, Sink sink) throws IOException {
		DocumentSplitter splitter = new DocumentSplitter(text);
		int[] documents = { 0 };
		for (DocumentSplitter.Document chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
			new YamlRun(chunk, sink, documents, this.limits).read();
		}
	}

	/** Receives what was read. */
	public interface Sink {

		void object(Map<String, Object> object, Position position);

		void problem(Position position, String message);

	}

	/**
	 * Where something is in a stream.
	 *
	 * @param document 1-based document number
	 * @param item 1-based item of a list document, or {@code null}
	 * @param line 1-based line, {@code 0} if unknown
	 */
	public record Position(int document, @Nullable Integer item, int line) {
	}

	/** The limits of one read, and the SnakeYAML options that go with them. */
	record Limits(long maxDocumentChars, int maxAliases, int maxDepth, long maxNodes, LoaderOptions options) {
	}

}
