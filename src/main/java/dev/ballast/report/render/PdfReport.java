package dev.ballast.report.render;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import dev.ballast.report.RenderedReport;

/**
 * Turns the report's HTML into a PDF (openhtmltopdf), with the inline images as data URIs. Chinese
 * needs a CJK font: the first of {@link #CJK_FONTS} found on the machine is embedded (as the
 * family {@code Ballast CJK}, which the mail's font list names last); without one, Chinese
 * characters are missing from the PDF, which the log says once.
 */
final class PdfReport {

	/** Latin text: DejaVu Sans where installed (fonts-dejavu-core), else the PDF's built-in Helvetica. */
	private static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans";

	private static final Logger log = LoggerFactory.getLogger(PdfReport.class);

	/** The family name the template's font lists end with. */
	static final String CJK_FAMILY = "Ballast CJK";

	private static final List<String> CJK_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/truetype/arphic/uming.ttc");

	private static final @Nullable File CJK_FONT = CJK_FONTS.stream()
		.map(File::new)
		.filter(File::isFile)
		.findFirst()
		.orElse(null);

	private static volatile boolean warned;

	private PdfReport() {
	}

	/** The PDF of a report's HTML, which must be well-formed XHTML. */
	static byte[] of(String html, List<RenderedReport.Inline> inlines, boolean cjk) {
		// openhtmltopdf leaves out an image sized height:auto in a table; its width and height attributes suffice
		String inlined = html.replace("height:auto;", "");
		for (RenderedReport.Inline inline : inlines) {
			inlined = inlined.replace("cid:" + inline.contentId(),
					"data:" + inline.contentType() + ";base64," + Base64.getEncoder().encodeToString(inline.bytes()));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		for (int weight : new int[] { 400, 700 }) {
			File latin = new File(DEJAVU + ((weight == 700) ? "-Bold.ttf" : ".ttf"));
			if (latin.isFile()) {
				builder.useFont(latin, "DejaVu Sans", weight, FontStyle.NORMAL, true);
			}
			if (CJK_FONT != null) {
				builder.useFont(CJK_FONT, CJK_FAMILY, weight, FontStyle.NORMAL, true);
			}
		}
		if (CJK_FONT == null && cjk && !warned) {
			warned = true;
			log.warn("No CJK font found ({}): Chinese text is left out of report PDFs", CJK_FONTS);
		}
		builder.withHtmlContent(inlined, null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
