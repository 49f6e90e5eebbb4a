package dev.ballast.report.render;

import java.net.URI;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.ballast.report.RenderedReport;
import dev.ballast.report.Subscription;
import dev.ballast.report.SubscriptionLookup;

/**
 * The report of a stored subscription as it would be sent now (changes since its last sending),
 * for the preview page and the API. Subscriptions come from the module's {@link SubscriptionLookup};
 * without one (no subscription store yet) every id is unknown.
 */
@Component
class ReportPreviews {

	private final ObjectProvider<SubscriptionLookup> subscriptions;

	private final MailReportRenderer renderer;

	ReportPreviews(ObjectProvider<SubscriptionLookup> subscriptions, MailReportRenderer renderer) {
		this.subscriptions = subscriptions;
		this.renderer = renderer;
	}

	Subscription subscription(long id) {
		SubscriptionLookup lookup = this.subscriptions.getIfAvailable();
		return ((lookup != null) ? lookup.find(id) : java.util.Optional.<Subscription>empty())
			.orElseThrow(() -> new SubscriptionNotFound(id));
	}

	RenderedReport preview(Subscription subscription) {
		return this.renderer.render(subscription, subscription.lastSentAt(), Instant.now());
	}

	byte[] pdf(Subscription subscription, RenderedReport report) {
		return this.renderer.pdf(report, subscription.language());
	}

	/** No subscription has that id: a 404. */
	static final class SubscriptionNotFound extends ErrorResponseException {

		SubscriptionNotFound(long id) {
			super(HttpStatus.NOT_FOUND, problem(id), null, "report.preview.notFound", new Object[] { id });
		}

		private static ProblemDetail problem(long id) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No report subscription has the id " + id + ".");
			problem.setType(URI.create("https://ballast.dev/problems/subscription-not-found"));
			problem.setTitle("Subscription not found");
			return problem;
		}

	}

}
