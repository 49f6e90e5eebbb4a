package dev.ballast.checks;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A check written in CEL, as a ValidatingAdmissionPolicy validation: the expression sees
 * {@code object} (the workload as written, e.g. a Deployment) and {@code namespaceObject} (its
 * namespace, or {@code null}), and must be {@code true} for the object to pass. Compile it with
 * {@link CheckEngine#compile(CustomCheck)} to learn of errors before saving it, and try it on a
 * sample object with {@link CheckEngine#trial(CustomCheck, java.util.Map, java.util.Map)}.
 *
 * @param id kebab-case id, distinct from the built-in ones
 * @param category the category
 * @param severity the severity
 * @param title what it checks, shown with findings
 * @param expression the CEL expression; {@code true} means the object passes
 * @param message what a finding says, or {@code null} to show the expression
 * @param kinds the workload kinds it applies to; empty for all
 */
public record CustomCheck(String id, Category category, Severity severity, String title, String expression,
		@Nullable String message, Set<String> kinds) {

	public CustomCheck {
		kinds = Set.copyOf(kinds);
	}

	/**
	 * The definition this check has in reports and the catalogue.
	 * @return the definition
	 */
	public CheckDefinition definition() {
		return new CheckDefinition(this.id, this.category, this.severity, Target.WORKLOAD,
				"https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/", Set.of(),
				this.title);
	}

}
