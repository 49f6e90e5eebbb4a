package dev.ballast.snapshot;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Manifests that could not be read: every problem found (up to a hundred), each naming its file,
 * document, item and line. An RFC 9457 problem (422, type
 * {@code https://ballast.dev/problems/invalid-manifest}) with the problems as the
 * {@code problems} property.
 */
public class ManifestException extends ErrorResponseException {

	/** The problem type. */
	public static final URI TYPE = URI.create("https://ballast.dev/problems/invalid-manifest");

	/** The message code of the detail; arguments: number of problems, the first problem. */
	public static final String MESSAGE_CODE = "snapshot.problem.invalid-manifest";

	private final List<ManifestProblem> problems;

	private final int total;

	/**
	 * Creates the exception.
	 * @param problems the problems kept (not empty)
	 * @param total how many problems there were, at least {@code problems.size()}
	 */
	public ManifestException(List<ManifestProblem> problems, int total) {
		super(HttpStatus.valueOf(422), problem(problems, total), null, MESSAGE_CODE,
				new Object[] { total, problems.isEmpty() ? "" : problems.get(0).toString() });
		this.problems = List.copyOf(problems);
		this.total = total;
	}

	/**
	 * The problems kept, in the order found.
	 * @return the problems
	 */
	public List<ManifestProblem> problems() {
		return this.problems;
	}

	/**
	 * How many problems there were, including those not kept.
	 * @return the count
	 */
	public int total() {
		return this.total;
	}

	@Override
	public String getMessage() {
		return String.valueOf(getBody().getDetail());
	}

	private static ProblemDetail problem(List<ManifestProblem> problems, int total) {
		StringBuilder detail = new StringBuilder((total == 1) ? "The manifests have a problem: "
				: "The manifests have " + total + " problems: ");
		for (int i = 0; i < problems.size(); i++) {
			detail.append((i > 0) ? "; " : "").append(problems.get(i));
		}
		if (total > problems.size()) {
			detail.append("; and ").append(total - problems.size()).append(" more");
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(422), detail.toString());
		problem.setType(TYPE);
		problem.setTitle("Invalid manifest");
		problem.setProperty("problems", problems.stream().map(ManifestProblem::toString).toList());
		return problem;
	}

}
