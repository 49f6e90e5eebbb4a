package dev.ballast.cluster;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The connection test failed: the server is unreachable, timed out, refused the credential or
 * failed TLS. The reason is named; nothing is saved.
 */
public class ClusterUnreachableException extends ErrorResponseException {

	private final ClusterAccessException failure;

	public ClusterUnreachableException(ClusterAccessException failure) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(failure), failure,
				"cluster.registration.unreachable." + failure.reason().name(), new Object[] { failure.getMessage() });
		this.failure = failure;
	}

	public ClusterAccessException.Reason reason() {
		return this.failure.reason();
	}

	private static ProblemDetail problem(ClusterAccessException failure) {
		ProblemDetail problem = ClusterProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "cluster-unreachable",
				"Connection test failed");
		problem.setProperty("reason", failure.reason().name());
		return problem;
	}

}
