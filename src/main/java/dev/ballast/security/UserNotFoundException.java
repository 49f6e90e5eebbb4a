package dev.ballast.security;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No user has the id asked for.
 */
class UserNotFoundException extends ErrorResponseException {

	UserNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, problem(id), null, "security.problem.user-not-found", new Object[] { id });
	}

	private static ProblemDetail problem(long id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No user has the id " + id + ".");
		problem.setType(URI.create("https://ballast.dev/problems/user-not-found"));
		problem.setTitle("User not found");
		return problem;
	}

}
