package dev.ballast.report;

import java.util.List;

/**
 * One report as it will be sent: the same for the preview, the send-now button and the schedule.
 *
 * @param subject the mail's subject, in the subscription's language
 * @param html the HTML part (inline CSS, tables; images by {@code cid:})
 * @param text the plain-text part
 * @param inlines images the HTML shows ({@code <img src="cid:...">})
 * @param attachments files attached (the PDF, when asked for)
 * @param changed whether anything changed since the last report (for "only when something changed")
 */
public record RenderedReport(String subject, String html, String text, List<Inline> inlines,
		List<Attachment> attachments, boolean changed) {

	public RenderedReport {
		inlines = List.copyOf(inlines);
		attachments = List.copyOf(attachments);
	}

	/**
	 * An image shown inline.
	 * @param contentId its {@code cid}
	 * @param contentType e.g. {@code image/png}
	 * @param bytes the image
	 */
	public record Inline(String contentId, String contentType, byte[] bytes) {
	}

	/**
	 * An attached file.
	 * @param fileName e.g. {@code ballast-report-2026-11-30.pdf}
	 * @param contentType e.g. {@code application/pdf}
	 * @param bytes the file
	 */
	public record Attachment(String fileName, String contentType, byte[] bytes) {
	}

}
