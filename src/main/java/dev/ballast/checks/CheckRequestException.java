package dev.ballast.checks;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change to the check configuration that is refused: an unknown check, a past expiry, a custom
 * check whose expression does not compile or cannot be evaluated on its sample, a row that does
 * not exist. Pages show it as an error on {@link #field()}; the API answers an RFC 9457 problem
 * detail of type {@code https://ballast.dev/problems/<type>} whose detail comes from the message
 * code.
 */
public class CheckRequestException extends ErrorResponseException {

	private final String type;

	private final @Nullable String field;

	private final String messageCode;

	private final Object[] arguments;

	CheckRequestException(HttpStatus status, String type, @Nullable String field, String messageCode,
			Object... arguments) {
		super(status, problem(status, type), null, messageCode, arguments);
		this.type = type;
		this.field = field;
		this.messageCode = messageCode;
		this.arguments = arguments.clone();
	}

	static CheckRequestException unknownCheck(String field, String checkId) {
		return new CheckRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-check", field,
				"checks.problem.unknown-check", checkId);
	}

	static CheckRequestException notFound(String type, String what) {
		return new CheckRequestException(HttpStatus.NOT_FOUND, type, null, "checks.problem." + type, what);
	}

	/** The compiler refused the expression: its message, line and column go into the problem. */
	static CheckRequestException invalidExpression(InvalidExpressionException ex) {
		CheckRequestException refused = new CheckRequestException(HttpStatus.UNPROCESSABLE_CONTENT,
				"invalid-expression", "expression", "checks.problem.invalid-expression", ex.line(), ex.column(),
				ex.compilerMessage());
		refused.getBody().setProperty("line", ex.line());
		refused.getBody().setProperty("column", ex.column());
		refused.getBody().setProperty("compilerMessage", ex.compilerMessage());
		return refused;
	}

	private static ProblemDetail problem(HttpStatus status, String type) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://ballast.dev/problems/" + type));
		return problem;
	}

	public String type() {
		return this.type;
	}

	/**
	 * The form field the problem is about.
	 * @return the field, or {@code null} for the whole request
	 */
	public @Nullable String field() {
		return this.field;
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
