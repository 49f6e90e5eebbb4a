package dev.ballast.scan.taints;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A node the latest landed scan of its cluster did not see: 404. */
class NodeNotInMapException extends ErrorResponseException {

	NodeNotInMapException(String cluster, String node) {
		super(HttpStatus.NOT_FOUND, problem(), null, "taints.problem.node-not-found", new Object[] { node, cluster });
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
		problem.setType(URI.create("https://ballast.dev/problems/node-not-found"));
		return problem;
	}

}
