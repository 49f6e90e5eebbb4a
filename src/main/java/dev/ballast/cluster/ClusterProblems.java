package dev.ballast.cluster;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem details of the cluster module: type {@code https://ballast.dev/problems/<kebab>}.
 */
final class ClusterProblems {

	private ClusterProblems() {
	}

	static ProblemDetail problem(HttpStatus status, String type, String title) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://ballast.dev/problems/" + type));
		problem.setTitle(title);
		return problem;
	}

}
