package dev.ballast.cluster;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No cluster is registered under the name asked for.
 */
public class ClusterNotFoundException extends ErrorResponseException {

	public ClusterNotFoundException(String name) {
		super(HttpStatus.NOT_FOUND, problem(name), null, "cluster.problem.not-found", new Object[] { name });
	}

	private static ProblemDetail problem(String name) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No cluster named '" + name + "' is registered.");
		problem.setType(URI.create("https://ballast.dev/problems/cluster-not-found"));
		problem.setTitle("Cluster not found");
		return problem;
	}

}
