package dev.ballast.report;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request about reports that cannot be answered: an unknown subscription (404), a subscription
 * that cannot be saved (400, naming each field and why). The API answers an RFC 9457 problem
 * detail of type {@code https://ballast.dev/problems/<type>}, detail from {@code report.problem.<type>}.
 */
class ReportProblem extends ErrorResponseException {

	private ReportProblem(HttpStatus status, String type, Object... arguments) {
		super(status, problem(status, type), null, "report.problem." + type, arguments);
	}

	static ReportProblem notFound(long id) {
		return new ReportProblem(HttpStatus.NOT_FOUND, "subscription-not-found", id);
	}

	/** A subscription refused; {@code errors} lists {@code field}, {@code code} and {@code message}. */
	static ReportProblem invalid(List<SubscriptionRules.Issue> issues, List<String> messages) {
		String fields = String.join(", ", issues.stream().map(SubscriptionRules.Issue::field).toList());
		ReportProblem problem = new ReportProblem(HttpStatus.BAD_REQUEST, "invalid-subscription", fields);
		List<Map<String, String>> errors = new ArrayList<>();
		for (int i = 0; i < issues.size(); i++) {
			errors.add(Map.of("field", issues.get(i).field(), "code", issues.get(i).code(), "message",
					messages.get(i)));
		}
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String type) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://ballast.dev/problems/" + type));
		return problem;
	}

}
