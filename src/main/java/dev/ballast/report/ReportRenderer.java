package dev.ballast.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Renders the report of a subscription from the stored scans.
 */
public interface ReportRenderer {

	/**
	 * The report as it would be sent now.
	 * @param subscription whose report
	 * @param since the last report's time (changes are counted since then), or {@code null} for the
	 * first report (changes since a week ago)
	 * @param now the report's time
	 * @return subject, HTML, text, inline images and attachments
	 */
	RenderedReport render(Subscription subscription, @Nullable Instant since, Instant now);

}
