package dev.ballast.checks.internal;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Subject;

/**
 * Where a rule reports: each subject it looked at, and each failure.
 */
public interface Sink {

	/**
	 * Whether the check runs for subjects in a namespace (configuration may turn it off there).
	 * @param namespace the namespace, {@code ""} for cluster-scoped subjects
	 * @return {@code true} if the rule should look
	 */
	boolean enabled(String namespace);

	/** Counts one subject looked at. */
	void checked();

	/**
	 * Reports a failure.
	 * @param subject what failed
	 * @param container the container, if any
	 * @param path the offending field (absolute)
	 * @param actual the actual value
	 */
	void fail(Subject subject, @Nullable String container, String path, String actual);

}
