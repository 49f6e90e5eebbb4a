package dev.ballast.checks;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An exemption rule of the configuration: these checks do not count for the subjects it matches,
 * until it expires. Findings it matches stay visible as exempted. Unset fields match anything;
 * {@code name} may end in {@code *} to match a prefix.
 *
 * @param checks check ids, or {@code all}
 * @param namespace the namespace, or {@code null} for any
 * @param kind the subject kind, or {@code null} for any
 * @param name the subject name (or prefix ending in {@code *}), or {@code null} for any
 * @param reason why, shown with every finding it exempts
 * @param by who decided, if known
 * @param until when it expires, {@code null} for never
 */
public record Exemption(Set<String> checks, @Nullable String namespace, @Nullable String kind, @Nullable String name,
		String reason, @Nullable String by, @Nullable Instant until) {

	/** Matches every check. */
	public static final String ALL = "all";

	public Exemption {
		checks = Set.copyOf(checks);
	}

	/**
	 * Whether this rule exempts a check on a subject at a moment.
	 * @param checkId the check
	 * @param subject the subject
	 * @param now the moment (the snapshot's time)
	 * @return {@code true} if it applies
	 */
	public boolean matches(String checkId, Subject subject, Instant now) {
		if (this.until != null && !now.isBefore(this.until)) {
			return false;
		}
		if (!this.checks.contains(ALL) && !this.checks.contains(checkId)) {
			return false;
		}
		String subjectNamespace = subject.kind().equals("Namespace") ? subject.name() : subject.namespace();
		if (this.namespace != null && !this.namespace.equals(subjectNamespace)) {
			return false;
		}
		if (this.kind != null && !this.kind.equalsIgnoreCase(subject.kind())) {
			return false;
		}
		if (this.name == null) {
			return true;
		}
		return this.name.endsWith("*") ? subject.name().startsWith(this.name.substring(0, this.name.length() - 1))
				: this.name.equals(subject.name());
	}

}
