package dev.ballast.snapshot;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.ballast.snapshot.ManifestReaderTests.FIXTURES;
import static dev.ballast.snapshot.ManifestReaderTests.catchManifestException;
import static dev.ballast.snapshot.ManifestReaderTests.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Reading untrusted manifests safely: bombs, oversized and binary input, foreign tags, and
 * problems that name file, document and line, strictly or best effort.
 */
class ManifestReaderSafetyTests {

	private final ManifestReader reader = new ManifestReader();

	@Test
	void refusesYamlBombQuickly() {
		ManifestException ex = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> catchManifestException(() -> read("billion-laughs.yaml")));
		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.source()).endsWith("billion-laughs.yaml");
			assertThat(problem.document()).isEqualTo(1);
			assertThat(problem.message()).endsWith("(a YAML bomb?)");
		});
	}

	@Test
	void refusesInputOverTheTotalLimitWithoutReadingItAll() {
		GeneratedYaml input = new GeneratedYaml(100L * 1024 * 1024);
		ManifestException ex = catchManifestException(() -> this.reader.read("big", "<stdin>", input));
		assertThat(ex.problems()).singleElement()
			.hasToString("input: the input exceeds the total size limit of 50 MiB; reading stopped");
		assertThat(input.served).isLessThan(51L * 1024 * 1024);
	}

	@Test
	void refusesDocumentOverThePerDocumentLimit() {
		ManifestReader small = new ManifestReader(ManifestReader.Settings.defaults().withMaxDocumentBytes(64 * 1024));
		String big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: " + "x".repeat(100_000) + "\n";
		ManifestException ex = catchManifestException(() -> small.read("big", "big.yaml", stream(big)));
		assertThat(ex.problems()).singleElement()
			.hasToString("big.yaml, document 1, line 5: the document exceeds the per-document size limit of 64 KiB");
	}

	@Test
	void refusesBinaryFile() {
		ManifestException ex = catchManifestException(() -> read("binary.yaml"));
		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.document()).isZero();
			assertThat(problem.message()).startsWith("binary content (a NUL byte at offset");
		});
	}

	@Test
	void refusesTextThatIsNotUtf8() {
		byte[] latin1 = "apiVersion: v1\nkind: Namespace\nmetadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1);
		ManifestException ex = catchManifestException(
				() -> this.reader.read("x", "latin1.yaml", new ByteArrayInputStream(latin1)));
		assertThat(ex.problems()).singleElement().hasToString("latin1.yaml: not UTF-8 text (binary content?); the rest of it was not read");
	}

	@Test
	void namesFileDocumentAndLineOfSyntaxError() {
		ManifestException ex = catchManifestException(() -> read("syntax-error.yaml"));
		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.source()).endsWith("syntax-error.yaml");
			assertThat(problem.document()).isEqualTo(2);
			assertThat(problem.line()).isEqualTo(11);
			assertThat(problem.message()).startsWith("invalid YAML:");
		});
		assertThat(ex.getStatusCode().value()).isEqualTo(422);
		assertThat(ex.getBody().getType()).isEqualTo(ManifestException.TYPE);
		assertThat(ex.getDetailMessageCode()).isEqualTo("snapshot.problem.invalid-manifest");
		assertThat(ex.getBody().getDetail()).contains("syntax-error.yaml, document 2, line 11: invalid YAML");
	}

	@Test
	void bestEffortSkipsBadDocumentsAndWarns() {
		ManifestReader lenient = new ManifestReader(ManifestReader.Settings.defaults().withBestEffort(true));
		ClusterSnapshot snapshot = lenient.read("x", List.of(FIXTURES.resolve("best-effort.yaml"),
				FIXTURES.resolve("syntax-error.yaml")));
		assertThat(snapshot.namespaces()).extracting(Namespace::name)
			.containsExactly("good-one", "good-two", "first", "third");
		assertThat(snapshot.source().warnings()).hasSize(3).satisfiesExactly(
				(warning) -> assertThat(warning).contains("best-effort.yaml, document 2, line 5: cannot read Deployment good-one/broken"),
				(warning) -> assertThat(warning).contains("best-effort.yaml, document 3, line 20: duplicate key 'key'"),
				(warning) -> assertThat(warning).contains("syntax-error.yaml, document 2, line 11"));
		ManifestException strict = catchManifestException(() -> read("best-effort.yaml"));
		assertThat(strict.total()).isEqualTo(2);
	}

	@Test
	void refusesTagsThatWouldBuildObjects() {
		String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: !!javax.script.ScriptEngineManager [x]\n";
		ManifestException ex = catchManifestException(() -> this.reader.read("x", "tags.yaml", stream(yaml)));
		assertThat(ex.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("is not allowed: manifests hold plain data"));
	}

	private ClusterSnapshot read(String fixture) {
		return this.reader.read("fixture", List.of(FIXTURES.resolve(fixture)));
	}

	/** ConfigMaps generated as they are read, never held whole. */
	private static final class GeneratedYaml extends InputStream {

		private final long size;

		private long served;

		private byte[] chunk = new byte[0];

		private int position;

		GeneratedYaml(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.served >= this.size) {
				return -1;
			}
			if (this.position == this.chunk.length) {
				StringBuilder configMap = new StringBuilder("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-")
					.append(this.served)
					.append("}\ndata:\n");
				for (int key = 0; key < 8; key++) {
					configMap.append("  key").append(key).append(": ").append("x".repeat(8000)).append('\n');
				}
				this.chunk = configMap.toString().getBytes(StandardCharsets.UTF_8);
				this.position = 0;
			}
			int count = Math.min(length, this.chunk.length - this.position);
			System.arraycopy(this.chunk, this.position, buffer, offset, count);
			this.position += count;
			this.served += count;
			return count;
		}

	}

}
