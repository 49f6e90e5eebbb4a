package dev.ballast.audit;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An upload that cannot be audited: nothing uploaded (400), too large (413), or nothing readable
 * in it (422, with the problems of the documents skipped). An RFC 9457 problem with a message
 * code for the detail; invalid manifests in strict reading are {@code ManifestException}s.
 */
class AuditRefusedException extends ErrorResponseException {

	private final List<String> problems;

	private AuditRefusedException(HttpStatus status, String type, String detail, List<String> problems,
			Object... arguments) {
		super(status, problem(status, type, detail, problems), null, "audit.problem." + type, arguments);
		this.problems = List.copyOf(problems);
	}

	static AuditRefusedException empty() {
		return new AuditRefusedException(HttpStatus.BAD_REQUEST, "empty-upload",
				"Nothing to audit: send manifests (YAML, JSON, a zip or tar.gz archive).", List.of());
	}

	static AuditRefusedException tooLarge(long maxMegabytes) {
		return new AuditRefusedException(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
				"The upload is larger than " + maxMegabytes + " MB.", List.of(), maxMegabytes);
	}

	static AuditRefusedException nothingRead(List<String> problems) {
		return new AuditRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "no-objects",
				"No Kubernetes object could be read from the upload.", problems, problems.size());
	}

	/**
	 * What was wrong with the documents, each naming its file, document and line.
	 * @return the problems, empty if there is nothing to say beyond the detail
	 */
	List<String> problems() {
		return this.problems;
	}

	@Override
	public String getMessage() {
		return String.valueOf(getBody().getDetail());
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail, List<String> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://ballast.dev/problems/" + type));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("problems", problems);
		return problem;
	}

}
