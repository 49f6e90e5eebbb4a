package dev.ballast.security;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The signed-in user has no token with the id asked for. Another user's token is "not found"
 * too: whether it exists is none of the caller's business.
 */
class TokenNotFoundException extends ErrorResponseException {

	TokenNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, problem(id), null, "security.problem.token-not-found", new Object[] { id });
	}

	private static ProblemDetail problem(long id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"You have no API token with the id " + id + ".");
		problem.setType(URI.create("https://ballast.dev/problems/token-not-found"));
		problem.setTitle("API token not found");
		return problem;
	}

}
