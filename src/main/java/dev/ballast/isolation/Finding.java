package dev.ballast.isolation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something the network side of the isolation analysis found, as a message code with arguments so
 * the page can say it in the reader's language.
 *
 * @param severity how bad it is
 * @param code the kind of finding, the message key suffix ({@code isolation.finding.<code>})
 * @param namespace the namespace it concerns, if one
 * @param subject the policy or workload it concerns, if one
 * @param args the message arguments
 */
public record Finding(Severity severity, String code, @Nullable String namespace, @Nullable String subject,
		List<String> args) {

	public Finding {
		args = List.copyOf(args);
	}

	/** How bad a finding is. */
	public enum Severity {

		/** Traffic flows that the reader believes blocked. */
		DANGER,
		/** A weakness or a policy that does nothing. */
		WARNING,
		/** Worth knowing. */
		INFO

	}

}
