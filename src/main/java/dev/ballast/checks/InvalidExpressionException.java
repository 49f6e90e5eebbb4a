package dev.ballast.checks;

/**
 * A CEL expression that does not compile or does not type-check, with the compiler's message and
 * where in the expression it points.
 */
public class InvalidExpressionException extends RuntimeException {

	private final String checkId;

	private final int line;

	private final int column;

	private final String compilerMessage;

	/**
	 * Creates the exception.
	 * @param checkId the custom check's id
	 * @param line 1-based line in the expression, {@code 0} if unknown
	 * @param column 1-based column, {@code 0} if unknown
	 * @param compilerMessage what the compiler said, with the expression and a caret
	 */
	public InvalidExpressionException(String checkId, int line, int column, String compilerMessage) {
		super("custom check '" + checkId + "': invalid CEL expression"
				+ ((line > 0) ? " at line " + line + ", column " + column : "") + ": " + compilerMessage);
		this.checkId = checkId;
		this.line = line;
		this.column = column;
		this.compilerMessage = compilerMessage;
	}

	public String checkId() {
		return this.checkId;
	}

	public int line() {
		return this.line;
	}

	public int column() {
		return this.column;
	}

	public String compilerMessage() {
		return this.compilerMessage;
	}

}
