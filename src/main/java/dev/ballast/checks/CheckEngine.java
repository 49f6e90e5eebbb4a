package dev.ballast.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.internal.Builtins;
import dev.ballast.checks.internal.Cel;
import dev.ballast.checks.internal.Check;
import dev.ballast.checks.internal.CustomChecks;
import dev.ballast.checks.internal.Engine;
import dev.ballast.snapshot.ClusterSnapshot;

/**
 * Runs the checks over a snapshot: a pure function of the snapshot and a
 * {@link CheckConfiguration}, no I/O and no Spring, the same for a live cluster and for manifest
 * files. Thread-safe.
 */
public final class CheckEngine {

	private static final CheckEngine STANDARD = new CheckEngine();

	private CheckEngine() {
	}

	/**
	 * The engine with the built-in catalogue.
	 * @return the engine
	 */
	public static CheckEngine standard() {
		return STANDARD;
	}

	/**
	 * Every built-in check, in catalogue order.
	 * @return the definitions
	 */
	public List<CheckDefinition> catalogue() {
		return Builtins.checks().stream().map(Check::definition).toList();
	}

	/**
	 * Runs every enabled check, built-in and custom. A custom check whose expression does not
	 * compile is skipped with a warning (compile it first with {@link #compile} to refuse it).
	 * @param snapshot the snapshot
	 * @param configuration severities, disabled checks, exemptions, custom checks
	 * @return the report
	 */
	public CheckReport run(ClusterSnapshot snapshot, CheckConfiguration configuration) {
		List<String> warnings = new ArrayList<>();
		List<Check> checks = new ArrayList<>(Builtins.checks());
		Set<String> ids = new HashSet<>();
		checks.forEach((check) -> ids.add(check.definition().id()));
		for (CustomCheck custom : configuration.custom()) {
			if (!ids.add(custom.id())) {
				warnings.add("custom check " + custom.id() + " has the id of another check and was skipped");
				continue;
			}
			try {
				checks.add(CustomChecks.check(custom, CustomChecks.compile(custom), warnings));
			}
			catch (InvalidExpressionException ex) {
				warnings.add(ex.getMessage() + " (skipped)");
			}
		}
		return Engine.run(checks, snapshot, configuration, warnings);
	}

	/**
	 * Compiles and type-checks a custom check, as before saving it.
	 * @param custom the custom check
	 * @return its definition
	 * @throws InvalidExpressionException with the compiler's message and position
	 */
	public CheckDefinition compile(CustomCheck custom) {
		if (catalogue().stream().anyMatch((check) -> check.id().equals(custom.id()))) {
			throw new InvalidExpressionException(custom.id(), 0, 0, "the id is taken by a built-in check");
		}
		CustomChecks.compile(custom);
		return custom.definition();
	}

	/**
	 * Tries a custom check on a sample object, as before saving it.
	 * @param custom the custom check
	 * @param object the sample object, e.g. a Deployment as maps and lists
	 * @param namespaceObject its namespace, or {@code null}
	 * @return whether the object passes, or why it could not be evaluated
	 * @throws InvalidExpressionException if the expression does not compile
	 */
	public Trial trial(CustomCheck custom, Map<String, Object> object, @Nullable Map<String, Object> namespaceObject) {
		try {
			return new Trial(CustomChecks.trial(custom, object, namespaceObject), null);
		}
		catch (Cel.EvaluationException ex) {
			return new Trial(false, ex.getMessage());
		}
	}

	/**
	 * The outcome of a custom check on a sample object.
	 *
	 * @param passed whether the object passes
	 * @param error why it could not be evaluated, or {@code null}
	 */
	public record Trial(boolean passed, @Nullable String error) {
	}

}
