package dev.ballast.checks;

import org.jspecify.annotations.Nullable;

/**
 * One failing check on one subject: which check, how severe (after configuration), what it is
 * about, the container where relevant, the offending field and its actual value.
 *
 * @param check the check
 * @param severity the effective severity
 * @param subject the workload, object, namespace, node or cluster
 * @param container the container, for container checks
 * @param path the offending field, e.g.
 * {@code spec.template.spec.containers[0].resources.limits.memory}; for a field that is missing,
 * where it belongs
 * @param actual the actual value or state, e.g. {@code <unset>}, {@code nginx:latest},
 * {@code OOMKilled in 2 of 3 pods}
 * @param exempted why the finding is exempted, {@code null} if it is not
 */
public record Finding(CheckDefinition check, Severity severity, Subject subject, @Nullable String container,
		String path, String actual, @Nullable Exempted exempted) {

	public String checkId() {
		return this.check.id();
	}

	/**
	 * Whether the finding counts: not exempted.
	 * @return {@code true} if it lowers the score
	 */
	public boolean counts() {
		return this.exempted == null;
	}

}
