package dev.ballast.checks;

/**
 * Why a finding is exempted. Exempted findings stay in the report, marked, and do not lower a
 * score.
 *
 * @param source where the exemption comes from
 * @param reason what it says: the annotation, or the configured reason
 */
public record Exempted(Source source, String reason) {

	/** Where an exemption comes from. */
	public enum Source {

		/** {@code ballast.dev/exempt} on the subject itself (workload, Service, node, ...). */
		ANNOTATION,
		/** {@code ballast.dev/exempt} on the subject's namespace. */
		NAMESPACE_ANNOTATION,
		/** An exemption rule of the configuration. */
		CONFIGURATION

	}

}
