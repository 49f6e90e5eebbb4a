package dev.ballast.scan.rbac;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A subject no binding names: 404, type {@code https://ballast.dev/problems/rbac-subject-not-found}.
 */
class RbacProblem extends ErrorResponseException {

	private RbacProblem(String subject) {
		super(HttpStatus.NOT_FOUND, problem(), null, "rbac.problem.subject-not-found", new Object[] { subject });
	}

	static RbacProblem unknownSubject(String subject) {
		return new RbacProblem(subject);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
		problem.setType(URI.create("https://ballast.dev/problems/rbac-subject-not-found"));
		return problem;
	}

}
