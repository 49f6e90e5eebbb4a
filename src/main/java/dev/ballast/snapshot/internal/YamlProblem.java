package dev.ballast.snapshot.internal;

import org.yaml.snakeyaml.error.Mark;

/**
 * A problem in one document or item of a YAML stream; reading goes on with the next.
 */
final class YamlProblem extends RuntimeException {

	private final transient Mark mark;

	YamlProblem(Mark mark, String message) {
		super(message, null, false, false);
		this.mark = mark;
	}

	Mark mark() {
		return this.mark;
	}

}
