package dev.ballast.snapshot.internal;

import java.io.IOException;
import java.io.Reader;

import org.jspecify.annotations.Nullable;

/**
 * Splits a YAML stream into its documents at {@code ---} lines without reading ahead more than a
 * buffer, so a syntax error in one document does not lose the documents after it. YAML forbids
 * {@code ---} at the start of a line inside content, so the split is exact.
 */
final class DocumentSplitter {

	private final Reader in;

	private final char[] buffer = new char[8192];

	private int position;

	private int limit;

	private boolean eof;

	private int line;

	DocumentSplitter(Reader in) {
		this.in = in;
	}

	/**
	 * The next document's text, starting with its {@code ---} line if it has one.
	 * @return a reader of one document, or {@code null} at the end of the stream
	 * @throws IOException if reading fails
	 */
	@Nullable Document next() throws IOException {
		if (!ensure(1)) {
			return null;
		}
		return new Document(this.line);
	}

	private boolean ensure(int count) throws IOException {
		while (this.limit - this.position < count && !this.eof) {
			if (this.position > 0) {
				System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
				this.limit -= this.position;
				this.position = 0;
			}
			int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (read < 0) {
				this.eof = true;
			}
			else {
				this.limit += read;
			}
		}
		return this.limit - this.position >= count;
	}

	private boolean atMarker() throws IOException {
		if (!ensure(3) || this.buffer[this.position] != '-' || this.buffer[this.position + 1] != '-'
				|| this.buffer[this.position + 2] != '-') {
			return false;
		}
		if (!ensure(4)) {
			return true;
		}
		char next = this.buffer[this.position + 3];
		return next == ' ' || next == '\t' || next == '\n' || next == '\r';
	}

	/** One document of the stream. */
	final class Document extends Reader {

		private final int firstLine;

		private boolean started;

		private boolean lineStart = true;

		private boolean done;

		private Document(int firstLine) {
			this.firstLine = firstLine;
		}

		/**
		 * The 0-based line of the stream on which this document starts.
		 * @return the line
		 */
		int firstLine() {
			return this.firstLine;
		}

		@Override
		public int read(char[] target, int offset, int length) throws IOException {
			if (this.done || length == 0) {
				return this.done ? -1 : 0;
			}
			int count = 0;
			while (count < length) {
				if (!ensure(1)) {
					this.done = true;
					break;
				}
				if (this.lineStart && this.started && atMarker()) {
					this.done = true;
					break;
				}
				char c = DocumentSplitter.this.buffer[DocumentSplitter.this.position++];
				target[offset + count++] = c;
				this.started = true;
				this.lineStart = (c == '\n');
				if (c == '\n') {
					DocumentSplitter.this.line++;
				}
			}
			return (count > 0) ? count : -1;
		}

		/**
		 * Reads past the rest of this document.
		 * @throws IOException if reading fails
		 */
		void skipRest() throws IOException {
			char[] sink = new char[4096];
			while (read(sink, 0, sink.length) >= 0) {
				// discard
			}
		}

		@Override
		public void close() {
			// the stream belongs to the splitter
		}

	}

}
