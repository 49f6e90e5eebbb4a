package dev.ballast.scan.dashboard;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A namespace or workload that the latest landed scan of its cluster did not see: 404. */
class NotInScanException extends ErrorResponseException {

	NotInScanException(String cluster, String what) {
		super(HttpStatus.NOT_FOUND, problem(), null, "workload.problem.not-in-scan", new Object[] { cluster, what });
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
		problem.setType(URI.create("https://ballast.dev/problems/not-in-scan"));
		return problem;
	}

}
