package dev.ballast.scan;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request about scans that cannot be answered: an unknown scan (404), a bad filter (400, naming
 * the parameter), two scans of different clusters to compare (422), findings removed by retention
 * (410). The API answers an RFC 9457 problem detail of type
 * {@code https://ballast.dev/problems/<type>} whose detail comes from the message code
 * {@code scan.problem.<type>}.
 */
public class ScanProblem extends ErrorResponseException {

	ScanProblem(HttpStatus status, String type, Object... arguments) {
		super(status, problem(status, type), null, "scan.problem." + type, arguments);
	}

	static ScanProblem notFound(long scanId) {
		return new ScanProblem(HttpStatus.NOT_FOUND, "scan-not-found", scanId);
	}

	/**
	 * A query parameter that cannot be used.
	 * @param parameter the parameter's name
	 * @param value what was given
	 * @param expected what it may be
	 */
	public static ScanProblem badParameter(String parameter, String value, String expected) {
		ScanProblem problem = new ScanProblem(HttpStatus.BAD_REQUEST, "invalid-parameter", parameter, value,
				expected);
		problem.getBody().setProperty("parameter", parameter);
		return problem;
	}

	static ScanProblem differentClusters(long base, long target) {
		return new ScanProblem(HttpStatus.UNPROCESSABLE_CONTENT, "scans-of-different-clusters", base, target);
	}

	static ScanProblem notLanded(long scanId) {
		return new ScanProblem(HttpStatus.CONFLICT, "scan-not-landed", scanId);
	}

	static ScanProblem findingsPurged(long scanId) {
		return new ScanProblem(HttpStatus.GONE, "findings-purged", scanId);
	}

	static ScanProblem noAnalysis(long scanId, String kind) {
		return new ScanProblem(HttpStatus.NOT_FOUND, "analysis-not-found", scanId, kind);
	}

	static ScanProblem noScan(String cluster) {
		return new ScanProblem(HttpStatus.NOT_FOUND, "no-scan", cluster);
	}

	private static ProblemDetail problem(HttpStatus status, String type) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://ballast.dev/problems/" + type));
		return problem;
	}

}
