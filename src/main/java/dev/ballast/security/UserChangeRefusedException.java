package dev.ballast.security;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change Ballast refuses to make to a user, named by a message code: a username already taken,
 * or an administrator disabling or demoting themselves (which could leave nobody to administer).
 */
class UserChangeRefusedException extends ErrorResponseException {

	private final String messageCode;

	UserChangeRefusedException(String kind) {
		super(HttpStatus.CONFLICT, problem(kind), null, "security.problem." + kind, null);
		this.messageCode = "security.problem." + kind;
	}

	/** The message that says why, e.g. {@code security.problem.username-taken}. */
	String messageCode() {
		return this.messageCode;
	}

	static UserChangeRefusedException usernameTaken() {
		return new UserChangeRefusedException("username-taken");
	}

	static UserChangeRefusedException ownAccount() {
		return new UserChangeRefusedException("own-account");
	}

	private static ProblemDetail problem(String kind) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
		problem.setType(URI.create("https://ballast.dev/problems/" + kind));
		return problem;
	}

}
