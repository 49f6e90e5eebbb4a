package dev.ballast.checks.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.CustomCheck;
import dev.ballast.checks.InvalidExpressionException;

/**
 * CEL as Kubernetes' ValidatingAdmissionPolicy uses it: the variables {@code object} and
 * {@code namespaceObject} (both {@code dyn}), the standard macros ({@code has}, {@code all},
 * {@code exists}, {@code map}, {@code filter}), string, math, set and optional extensions, and a
 * result that must be a bool. Evaluation is bounded: every evaluated step costs one unit plus the
 * size of what it produced (string length / 64, list or map size), at most
 * {@value #COST_LIMIT} units per object; comprehensions stop after {@value #ITERATIONS}
 * iterations; functions that can multiply sizes in one step (string {@code replace}, list
 * {@code range}) are left out. So no expression can hang or exhaust a scan.
 */
public final class Cel {

	/** The most cost units one evaluation may spend. */
	public static final long COST_LIMIT = 1_000_000;

	/** The most iterations of one comprehension. */
	public static final int ITERATIONS = 10_000;

	/** The longest expression accepted, in characters. */
	public static final int MAX_LENGTH = 10_000;

	private Cel() {
	}

	/**
	 * Compiles and type-checks an expression.
	 * @param check the custom check
	 * @return the program
	 * @throws InvalidExpressionException with the compiler's message and position
	 */
	public static CelRuntime.Program compile(CustomCheck check) {
		if (check.expression().length() > MAX_LENGTH) {
			throw new InvalidExpressionException(check.id(), 0, 0,
					"the expression is longer than " + MAX_LENGTH + " characters");
		}
		try {
			CelAbstractSyntaxTree ast = Holder.CEL.compile(check.expression()).getAst();
			return Holder.CEL.createProgram(ast);
		}
		catch (CelValidationException ex) {
			CelIssue first = ex.getErrors().isEmpty() ? null : ex.getErrors().get(0);
			int line = (first != null) ? first.getSourceLocation().getLine() : 0;
			int column = (first != null && line > 0) ? first.getSourceLocation().getColumn() + 1 : 0;
			throw new InvalidExpressionException(check.id(), Math.max(line, 0), column, ex.getMessage().strip());
		}
		catch (dev.cel.common.CelException ex) {
			throw new InvalidExpressionException(check.id(), 0, 0, String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * Evaluates a program over an object.
	 * @param program the program
	 * @param object the object
	 * @param namespaceObject its namespace, or {@code null}
	 * @return {@code true} if the object passes
	 * @throws EvaluationException if evaluation fails, exceeds the cost limit or yields no bool
	 */
	public static boolean evaluate(CelRuntime.Program program, Map<String, Object> object,
			@Nullable Map<String, Object> namespaceObject) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("object", convert(object));
		variables.put("namespaceObject", (namespaceObject != null) ? convert(namespaceObject) : NullValue.NULL_VALUE);
		long[] cost = { 0 };
		Object result;
		try {
			result = program.trace(variables, (expression, value) -> {
				cost[0] += 1 + size(value);
				if (cost[0] > COST_LIMIT) {
					throw new CostExceeded();
				}
			});
		}
		catch (CelEvaluationException ex) {
			if (ex.getCause() instanceof CostExceeded) {
				throw new EvaluationException("evaluation stopped: cost limit of " + COST_LIMIT + " exceeded");
			}
			if (String.valueOf(ex.getMessage()).contains("Iteration budget exceeded")) {
				throw new EvaluationException("evaluation stopped: more than " + ITERATIONS + " comprehension iterations");
			}
			throw new EvaluationException(String.valueOf(ex.getMessage()));
		}
		catch (CostExceeded ex) {
			throw new EvaluationException("evaluation stopped: cost limit of " + COST_LIMIT + " exceeded");
		}
		if (!(result instanceof Boolean passed)) {
			throw new EvaluationException("the expression must evaluate to a bool, not "
					+ ((result != null) ? result.getClass().getSimpleName() : "null") + " (" + result + ")");
		}
		return passed;
	}

	private static long size(@Nullable Object value) {
		if (value instanceof String text) {
			return text.length() / 64;
		}
		if (value instanceof Collection<?> collection) {
			return collection.size();
		}
		if (value instanceof Map<?, ?> map) {
			return map.size();
		}
		return 0;
	}

	/** JSON trees as CEL takes them: {@code null} as CEL's null, big integers as doubles. */
	private static Object convert(@Nullable Object value) {
		if (value == null) {
			return NullValue.NULL_VALUE;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> converted = new LinkedHashMap<>();
			map.forEach((key, item) -> converted.put(String.valueOf(key), convert(item)));
			return converted;
		}
		if (value instanceof List<?> list) {
			List<Object> converted = new ArrayList<>(list.size());
			list.forEach((item) -> converted.add(convert(item)));
			return converted;
		}
		if (value instanceof Integer number) {
			return number.longValue();
		}
		if (value instanceof BigInteger number) {
			return number.doubleValue();
		}
		if (value instanceof Float number) {
			return number.doubleValue();
		}
		return value;
	}

	/** Why an expression could not be evaluated on an object. */
	public static final class EvaluationException extends RuntimeException {

		EvaluationException(String message) {
			super(message);
		}

	}

	/** Thrown from the cost listener to stop an evaluation. */
	private static final class CostExceeded extends RuntimeException {

		CostExceeded() {
			super(null, null, false, false);
		}

	}

	/** The environment, built on first use (it takes a moment; the CLI without custom checks never pays it). */
	private static final class Holder {

		private static final dev.cel.bundle.Cel CEL = build();

		private static dev.cel.bundle.Cel build() {
			CelOptions options = CelOptions.current()
				.comprehensionMaxIterations(ITERATIONS)
				.maxExpressionCodePointSize(MAX_LENGTH)
				.enableHeterogeneousNumericComparisons(true)
				.build();
			CelStringExtensions strings = CelExtensions.strings(CelStringExtensions.Function.CHAR_AT,
					CelStringExtensions.Function.INDEX_OF, CelStringExtensions.Function.JOIN,
					CelStringExtensions.Function.LAST_INDEX_OF, CelStringExtensions.Function.LOWER_ASCII,
					CelStringExtensions.Function.QUOTE, CelStringExtensions.Function.REVERSE,
					CelStringExtensions.Function.SPLIT, CelStringExtensions.Function.SUBSTRING,
					CelStringExtensions.Function.TRIM, CelStringExtensions.Function.UPPER_ASCII);
			return CelFactory.standardCelBuilder()
				.setOptions(options)
				.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
				.addVar("object", SimpleType.DYN)
				.addVar("namespaceObject", SimpleType.DYN)
				.addCompilerLibraries(strings, CelExtensions.math(options), CelExtensions.sets(options),
						CelOptionalLibrary.INSTANCE)
				.addRuntimeLibraries(strings, CelExtensions.math(options), CelExtensions.sets(options),
						CelOptionalLibrary.INSTANCE)
				.setResultType(SimpleType.BOOL)
				.build();
		}

	}

}
