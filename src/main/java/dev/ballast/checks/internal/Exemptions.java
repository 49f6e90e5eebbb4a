package dev.ballast.checks.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.CheckConfiguration;
import dev.ballast.checks.Exempted;
import dev.ballast.checks.Exemption;
import dev.ballast.checks.Subject;

/**
 * Decides whether a finding is exempted: by the {@code ballast.dev/exempt} annotation on its
 * subject or its namespace ({@code "id-a,id-b"} or {@code all}), or by a rule of the
 * configuration. Unknown ids in annotations are reported once each, never an error.
 */
final class Exemptions {

	/** The annotation that exempts a workload or namespace from checks. */
	static final String ANNOTATION = "ballast.dev/exempt";

	private final Index index;

	private final CheckConfiguration configuration;

	private final Set<String> known;

	private final List<String> warnings;

	private final Map<Subject, Set<String>> parsed = new HashMap<>();

	Exemptions(Index index, CheckConfiguration configuration, Set<String> known, List<String> warnings) {
		this.index = index;
		this.configuration = configuration;
		this.known = known;
		this.warnings = warnings;
	}

	/**
	 * Why a check's finding on a subject is exempted.
	 * @param checkId the check
	 * @param subject the subject
	 * @return the exemption, or {@code null} if the finding counts
	 */
	@Nullable Exempted exempted(String checkId, Subject subject) {
		Set<String> own = ids(subject);
		if (own.contains(checkId) || own.contains(Exemption.ALL)) {
			return new Exempted(Exempted.Source.ANNOTATION, ANNOTATION + ": " + String.join(",", own));
		}
		if (!subject.namespace().isEmpty()) {
			Set<String> namespace = ids(new Subject("Namespace", "", subject.namespace()));
			if (namespace.contains(checkId) || namespace.contains(Exemption.ALL)) {
				return new Exempted(Exempted.Source.NAMESPACE_ANNOTATION,
						ANNOTATION + ": " + String.join(",", namespace) + " on namespace " + subject.namespace());
			}
		}
		for (Exemption exemption : this.configuration.exemptions()) {
			if (exemption.matches(checkId, subject, this.index.now())) {
				return new Exempted(Exempted.Source.CONFIGURATION, exemption.reason()
						+ ((exemption.by() != null) ? " (" + exemption.by() + ")" : "")
						+ ((exemption.until() != null) ? " until " + exemption.until() : ""));
			}
		}
		return null;
	}

	/** Reads every annotation once up front, so unknown ids are warned about even if nothing fails. */
	void validate(Iterable<Subject> subjects) {
		for (Subject subject : subjects) {
			ids(subject);
		}
	}

	private Set<String> ids(Subject subject) {
		Set<String> ids = this.parsed.get(subject);
		if (ids != null) {
			return ids;
		}
		String value = this.index.annotations(subject).get(ANNOTATION);
		ids = new LinkedHashSet<>();
		if (value != null) {
			for (String part : value.split("[,\\s]+")) {
				String id = part.trim();
				if (id.isEmpty()) {
					continue;
				}
				ids.add(id);
				if (!id.equals(Exemption.ALL) && !this.known.contains(id)) {
					this.warnings.add(subject + ": " + ANNOTATION + " names unknown check '" + id + "' (ignored)");
				}
			}
		}
		this.parsed.put(subject, ids);
		return ids;
	}

}
