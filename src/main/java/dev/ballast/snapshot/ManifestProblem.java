package dev.ballast.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * Something wrong in a manifest: where it is and what it is.
 *
 * @param source the file, archive entry ({@code dump.zip!/apps/web.yaml}) or stream name
 * @param document 1-based document number within the source, {@code 0} for the source as a
 * whole
 * @param item 1-based item of a list document, or {@code null}
 * @param line 1-based line, {@code 0} if unknown
 * @param message what is wrong, in English
 */
public record ManifestProblem(String source, int document, @Nullable Integer item, int line, String message) {

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.source);
		if (this.document > 0) {
			text.append(", document ").append(this.document);
		}
		if (this.item != null) {
			text.append(", item ").append(this.item);
		}
		if (this.line > 0) {
			text.append(", line ").append(this.line);
		}
		return text.append(": ").append(this.message).toString();
	}

}
