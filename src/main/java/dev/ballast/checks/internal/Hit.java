package dev.ballast.checks.internal;

/**
 * What a rule reports when it fails: the offending field (relative to the container for
 * container rules, absolute otherwise) and its actual value.
 *
 * @param path the field path
 * @param actual the actual value or state
 */
public record Hit(String path, String actual) {

	/** Stands for a field that is not set. */
	public static final String UNSET = "<unset>";

	static Hit unset(String path) {
		return new Hit(path, UNSET);
	}

}
