package dev.ballast.checks;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a check is, apart from how it decides: a stable kebab-case id, category, default severity,
 * target and a link to the Kubernetes documentation. A built-in check's title, why it matters,
 * remediation and YAML example are the messages {@code checks.<id>.title}, {@code .why},
 * {@code .fix} and {@code .example}; a custom check carries its own title.
 *
 * @param id stable kebab-case id, e.g. {@code privileged}
 * @param category the category
 * @param severity the default severity (configuration may change it)
 * @param target what it looks at
 * @param docs a link to the Kubernetes documentation
 * @param requires kinds the check needs; when the snapshot could not read one of them
 * ({@link dev.ballast.snapshot.Gap}) the check is skipped and says why
 * @param customTitle the title of a custom check, {@code null} for built-in checks
 */
public record CheckDefinition(String id, Category category, Severity severity, Target target, String docs,
		Set<String> requires, @Nullable String customTitle) {

	public CheckDefinition {
		requires = Set.copyOf(requires);
	}

	/**
	 * Whether the check comes from configuration (CEL) rather than the catalogue.
	 * @return {@code true} for custom checks
	 */
	public boolean custom() {
		return this.customTitle != null;
	}

	/**
	 * The message key of a part of a built-in check's text.
	 * @param part {@code title}, {@code why}, {@code fix} or {@code example}
	 * @return e.g. {@code checks.privileged.title}
	 */
	public String messageKey(String part) {
		return "checks." + this.id + "." + part;
	}

}
