package dev.ballast.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Tries a custom check on its sample object, as the form's "Test" button and the API do before
 * saving: the sample is read as YAML with SnakeYAML's {@link SafeConstructor} (no types
 * instantiated, few aliases, bounded nesting and size, so a YAML bomb is refused), the expression
 * is compiled and evaluated with the engine's cost limit. Pure; no Spring.
 */
final class CustomCheckTrials {

	private static final int MAX_ALIASES = 20;

	private static final int MAX_DEPTH = 50;

	private static final int MAX_CHARS = 100_000;

	private CustomCheckTrials() {
	}

	/**
	 * Compiles the form's expression and evaluates it on the form's sample.
	 * @param form the form (its id, expression and sample are used)
	 * @return the outcome; never throws for a user's mistake
	 */
	static Outcome test(CustomCheckForm form) {
		CustomCheck check = check(form);
		try {
			CheckEngine.standard().compile(check);
		}
		catch (InvalidExpressionException ex) {
			return new Outcome(false, null, null, ex);
		}
		Map<String, Object> sample;
		try {
			sample = sample(Objects.requireNonNullElse(form.sample(), ""));
		}
		catch (InvalidSampleException ex) {
			return new Outcome(true, null, ex.getMessage(), null);
		}
		CheckEngine.Trial trial = CheckEngine.standard().trial(check, sample, namespaceOf(sample));
		return new Outcome(true, (trial.error() == null) ? trial.passed() : null, trial.error(), null);
	}

	/** The custom check a form describes (blank fields as the engine wants them). */
	static CustomCheck check(CustomCheckForm form) {
		Set<String> kinds = new LinkedHashSet<>();
		Arrays.stream(Objects.requireNonNullElse(form.kinds(), "").split("[,\\s]+"))
			.map(String::strip)
			.filter((kind) -> !kind.isEmpty())
			.forEach(kinds::add);
		String message = Objects.requireNonNullElse(form.message(), "").strip();
		return new CustomCheck(Objects.requireNonNullElse(form.id(), "").strip(),
				Objects.requireNonNullElse(form.category(), Category.OPERATIONS),
				Objects.requireNonNullElse(form.severity(), Severity.WARNING),
				Objects.requireNonNullElse(form.title(), "").strip(),
				Objects.requireNonNullElse(form.expression(), "").strip(), message.isEmpty() ? null : message, kinds);
	}

	/**
	 * What a successful test is remembered by, so saving can tell the expression and sample on the
	 * form are the ones tested.
	 */
	static String fingerprint(CustomCheckForm form) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(Objects.requireNonNullElse(form.expression(), "").strip().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(Objects.requireNonNullElse(form.sample(), "").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Reads the sample: one YAML or JSON mapping, safely. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> sample(String text) {
		if (text.length() > MAX_CHARS) {
			throw new InvalidSampleException("the sample is longer than " + MAX_CHARS + " characters");
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setNestingDepthLimit(MAX_DEPTH);
		options.setAllowDuplicateKeys(false);
		options.setAllowRecursiveKeys(false);
		options.setCodePointLimit(MAX_CHARS);
		Object loaded;
		try {
			loaded = new Yaml(new SafeConstructor(options)).load(text);
		}
		catch (YAMLException ex) {
			throw new InvalidSampleException(String.valueOf(ex.getMessage()).strip());
		}
		if (!(loaded instanceof Map<?, ?> map)) {
			throw new InvalidSampleException("the sample must be one object (a YAML mapping)");
		}
		return (Map<String, Object>) map;
	}

	/** The sample's namespace as {@code namespaceObject} sees it, when it names one. */
	private static @Nullable Map<String, Object> namespaceOf(Map<String, Object> sample) {
		if (sample.get("metadata") instanceof Map<?, ?> metadata && metadata.get("namespace") instanceof String name) {
			return Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", name));
		}
		return null;
	}

	/**
	 * The outcome of a test.
	 *
	 * @param compiled whether the expression compiled and type-checked
	 * @param passed whether the sample passes, {@code null} if it could not be evaluated
	 * @param error why the sample could not be read or evaluated, or {@code null}
	 * @param invalid the compiler's refusal, or {@code null}
	 */
	record Outcome(boolean compiled, @Nullable Boolean passed, @Nullable String error,
			@Nullable InvalidExpressionException invalid) {

		/** Whether the test ran on the sample: compiled, read and evaluated to a bool. */
		boolean ran() {
			return this.passed != null;
		}

		/** The outcome as the API returns it. */
		TestResult result() {
			return new TestResult(this.compiled, this.passed, this.error,
					(this.invalid != null) ? this.invalid.compilerMessage() : null,
					(this.invalid != null) ? this.invalid.line() : 0, (this.invalid != null) ? this.invalid.column() : 0);
		}

	}

	/**
	 * A test as the API shows it.
	 *
	 * @param compiled whether the expression compiled
	 * @param passed whether the sample passes, {@code null} if not evaluated
	 * @param error why the sample could not be read or evaluated
	 * @param compilerMessage the compiler's message
	 * @param line its line, 1-based, 0 if unknown
	 * @param column its column, 1-based, 0 if unknown
	 */
	record TestResult(boolean compiled, @Nullable Boolean passed, @Nullable String error,
			@Nullable String compilerMessage, int line, int column) {
	}

	/** The sample is not one readable YAML object. */
	static final class InvalidSampleException extends RuntimeException {

		InvalidSampleException(String message) {
			super(message);
		}

	}

}
