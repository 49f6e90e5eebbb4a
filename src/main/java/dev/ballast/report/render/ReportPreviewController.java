package dev.ballast.report.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.ballast.report.RenderedReport;
import dev.ballast.report.Subscription;

/**
 * The preview of a subscription's report (ADMIN): the subject, the HTML part in a sandboxed frame
 * (served on its own with a policy that allows its inline styles and its images only, the
 * {@code cid:} images rewritten to addresses here), the plain-text part and the PDF.
 */
@Controller
class ReportPreviewController {

	/** The HTML part may style itself inline and show its images; nothing else, no script. */
	static final String HTML_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

	private static final Pattern CID = Pattern.compile("cid:([A-Za-z0-9@._-]+)");

	private final ReportPreviews previews;

	ReportPreviewController(ReportPreviews previews) {
		this.previews = previews;
	}

	@GetMapping("/reports/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		Subscription subscription = this.previews.subscription(id);
		RenderedReport report = this.previews.preview(subscription);
		model.addAttribute("subscription", subscription);
		model.addAttribute("report", report);
		return "report/preview";
	}

	@GetMapping(path = "/reports/{id}/preview.html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> html(@PathVariable long id) {
		RenderedReport report = this.previews.preview(this.previews.subscription(id));
		Matcher matcher = CID.matcher(report.html());
		String html = matcher.replaceAll((match) -> "/reports/" + id + "/preview/inline/" + match.group(1));
		return ResponseEntity.ok()
			.header("Content-Security-Policy", HTML_POLICY)
			.header("X-Frame-Options", "SAMEORIGIN")
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(html);
	}

	@GetMapping("/reports/{id}/preview/inline/{cid:.+}")
	ResponseEntity<byte[]> inline(@PathVariable long id, @PathVariable String cid) {
		RenderedReport report = this.previews.preview(this.previews.subscription(id));
		return report.inlines()
			.stream()
			.filter((inline) -> inline.contentId().equals(cid))
			.findFirst()
			.map((inline) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.parseMediaType(inline.contentType()))
				.body(inline.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/reports/{id}/preview.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		Subscription subscription = this.previews.subscription(id);
		RenderedReport report = this.previews.preview(subscription);
		String name = "ballast-report-" + java.time.LocalDate.now(subscription.zone()) + ".pdf";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_PDF)
			.body(this.previews.pdf(subscription, report));
	}

}
