package dev.ballast.checks.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cel.runtime.CelRuntime;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.CustomCheck;

/**
 * Custom CEL checks as engine checks: compiled once per expression (cached), evaluated on each
 * workload of their kinds. An object an expression cannot be evaluated on is a warning, not a
 * finding.
 */
public final class CustomChecks {

	private static final int REPORTED_ERRORS = 5;

	private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

	private CustomChecks() {
	}

	/**
	 * Compiles a custom check, from the cache when its expression was compiled before.
	 * @param custom the custom check
	 * @return the program
	 * @throws dev.ballast.checks.InvalidExpressionException if it does not compile
	 */
	public static CelRuntime.Program compile(CustomCheck custom) {
		CelRuntime.Program program = PROGRAMS.get(custom.expression());
		if (program == null) {
			program = Cel.compile(custom);
			if (PROGRAMS.size() < 1000) {
				PROGRAMS.put(custom.expression(), program);
			}
		}
		return program;
	}

	/**
	 * The engine check of a compiled custom check.
	 * @param custom the custom check
	 * @param program its program
	 * @param warnings where evaluation errors go (the first few per check)
	 * @return the check
	 */
	public static Check check(CustomCheck custom, CelRuntime.Program program, List<String> warnings) {
		Set<String> kinds = custom.kinds().isEmpty() ? Kinds.ALL : custom.kinds();
		AtomicInteger errors = new AtomicInteger();
		String message = (custom.message() != null) ? custom.message() : "fails: " + custom.expression();
		return Define.workload(custom.definition(), kinds, (workload) -> {
			try {
				return Cel.evaluate(program, workload.object(), workload.index().namespaceObject(workload.namespace()))
						? null : new Hit("", message);
			}
			catch (Cel.EvaluationException ex) {
				int count = errors.incrementAndGet();
				if (count <= REPORTED_ERRORS) {
					warnings.add("custom check " + custom.id() + " could not be evaluated on " + workload.subject() + ": "
							+ ex.getMessage());
				}
				return null;
			}
		});
	}

	/**
	 * Tries a custom check on a sample object.
	 * @param custom the custom check
	 * @param object the sample object
	 * @param namespaceObject its namespace, or {@code null}
	 * @return {@code true} if the object passes
	 * @throws dev.ballast.checks.InvalidExpressionException if it does not compile
	 * @throws Cel.EvaluationException if it cannot be evaluated on the object
	 */
	public static boolean trial(CustomCheck custom, Map<String, Object> object,
			@Nullable Map<String, Object> namespaceObject) {
		return Cel.evaluate(compile(custom), object, namespaceObject);
	}

}
