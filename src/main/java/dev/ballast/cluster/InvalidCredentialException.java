package dev.ballast.cluster;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A credential Ballast cannot use as given: a malformed kubeconfig, an unknown context, a server
 * address that is not HTTPS, an unreadable CA. The user's mistake: a 422 with a message that
 * says what to fix, never a 500.
 */
public class InvalidCredentialException extends ErrorResponseException {

	private final String messageCode;

	private final Object[] arguments;

	public InvalidCredentialException(String messageCode, Object... arguments) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(messageCode), null, messageCode, arguments);
		this.messageCode = messageCode;
		this.arguments = arguments.clone();
	}

	/** The message key explaining the problem (in the cluster bundle). */
	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	private static ProblemDetail problem(String messageCode) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setType(URI.create("https://ballast.dev/problems/invalid-credential"));
		problem.setTitle("Invalid cluster credential");
		problem.setProperty("code", messageCode);
		return problem;
	}

}
