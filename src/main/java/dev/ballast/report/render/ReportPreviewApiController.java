package dev.ballast.report.render;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.ballast.report.RenderedReport;

/**
 * The report a subscription would send now, for scripts (ADMIN).
 */
@RestController
class ReportPreviewApiController {

	private final ReportPreviews previews;

	ReportPreviewApiController(ReportPreviews previews) {
		this.previews = previews;
	}

	@GetMapping("/api/v1/reports/subscriptions/{id}/preview")
	Preview preview(@PathVariable long id) {
		RenderedReport report = this.previews.preview(this.previews.subscription(id));
		return new Preview(report.subject(), report.html(), report.text(), report.changed());
	}

	/**
	 * A report as it would be sent now.
	 *
	 * @param subject the mail's subject
	 * @param html the HTML part (images by {@code cid:})
	 * @param text the plain-text part
	 * @param changed whether anything changed since the last report
	 */
	record Preview(String subject, String html, String text, boolean changed) {
	}

}
