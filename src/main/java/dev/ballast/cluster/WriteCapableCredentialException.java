package dev.ballast.cluster;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The credential can do more than read; refused unless an administrator overrides with a reason.
 * The problem detail lists the offending permissions.
 */
public class WriteCapableCredentialException extends ErrorResponseException {

	private final ReadOnlyVerdict verdict;

	public WriteCapableCredentialException(ReadOnlyVerdict verdict) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(verdict), null, "cluster.registration.write-capable",
				new Object[] { verdict.dangerous().size() });
		this.verdict = verdict;
	}

	public ReadOnlyVerdict verdict() {
		return this.verdict;
	}

	private static ProblemDetail problem(ReadOnlyVerdict verdict) {
		ProblemDetail problem = ClusterProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "write-capable-credential",
				"Credential can do more than read");
		problem.setProperty("dangerousPermissions", verdict.dangerous().stream().map(Permission::describe).toList());
		return problem;
	}

}
