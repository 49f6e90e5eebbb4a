package dev.ballast.scan.cidr;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.ballast.network.NetworkOverrides;

/**
 * Overrides that cannot be applied: 422 {@code https://ballast.dev/problems/invalid-network-overrides}
 * with the problems per field in {@code errors}.
 */
class CidrProblem extends ErrorResponseException {

	CidrProblem(List<NetworkOverrides.Problem> problems) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, body(problems), null, "network.problem.invalid-overrides",
				new Object[] { problems.size() });
	}

	private static ProblemDetail body(List<NetworkOverrides.Problem> problems) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setType(URI.create("https://ballast.dev/problems/invalid-network-overrides"));
		problem.setProperty("errors", problems);
		return problem;
	}

}
