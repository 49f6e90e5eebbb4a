package dev.ballast.report.render;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import dev.ballast.report.RenderedReport;
import dev.ballast.report.ReportRenderer;
import dev.ballast.report.Subscription;

/**
 * Puts a report into words: an HTML part (inline CSS and tables, as mail clients want), a
 * plain-text part, a score trend chart per cluster as an inline PNG, and the PDF when asked for.
 * It has its own template engine, not a bean, so the pages' engine stays as Spring Boot sets it up;
 * both read the application's messages.
 */
@Component
class MailReportRenderer implements ReportRenderer {

	private final ReportContents contents;

	private final ReportLinks links;

	private final MessageSource messages;

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	MailReportRenderer(ReportContents contents, ReportLinks links, MessageSource messages) {
		this.contents = contents;
		this.links = links;
		this.messages = messages;
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
		this.engine.setTemplateEngineMessageSource(messages);
	}

	@Override
	public RenderedReport render(Subscription subscription, @Nullable Instant since, Instant now) {
		ReportContent content = this.contents.of(subscription, since, now);
		Locale locale = subscription.language();
		MailFormats formats = new MailFormats(subscription.zone());
		List<RenderedReport.Inline> inlines = new ArrayList<>();
		Map<String, String> charts = new HashMap<>();
		if (content.has("FLEET")) {
			for (ReportContent.ClusterPart cluster : content.clusters()) {
				if (cluster.scanned() && !cluster.trend().isEmpty()) {
					String cid = "trend-" + inlines.size() + "@ballast";
					charts.put(cluster.name(), cid);
					inlines.add(new RenderedReport.Inline(cid, "image/png", TrendChart.png(cluster.trend(), now.minus(ReportContents.TREND), now)));
				}
			}
		}
		String subject = content.anyScans()
				? this.messages.getMessage("report.mail.subject", new Object[] { subscription.name(),
						content.newFindings(), content.fixedFindings(), formats.time(content.since()) }, locale)
				: this.messages.getMessage("report.mail.subject.noScans", new Object[] { subscription.name() },
						locale);
		Context context = new Context(locale);
		context.setVariable("subject", subject);
		context.setVariable("subscription", subscription);
		context.setVariable("lang", locale.toLanguageTag());
		context.setVariable("r", content);
		context.setVariable("fmt", formats);
		context.setVariable("charts", charts);
		context.setVariable("home", this.links.home());
		context.setVariable("problems", content.clusters()
			.stream()
			.anyMatch((cluster) -> !cluster.failures().isEmpty()
					|| Set.of("stale", "none", "failed").contains(cluster.state())));
		String html = this.engine.process("templates/report/mail.html", context);
		String text = this.engine.process("templates/report/mail.txt", context);
		List<RenderedReport.Attachment> attachments = new ArrayList<>();
		if (subscription.attachPdf()) {
			LocalDate day = LocalDate.ofInstant(now, subscription.zone());
			attachments.add(new RenderedReport.Attachment("ballast-report-" + day + ".pdf", "application/pdf",
					PdfReport.of(html, inlines, "zh".equals(locale.getLanguage()))));
		}
		return new RenderedReport(subject, html, text, inlines, attachments, content.changed());
	}

	/** The PDF of a report as rendered, for the preview's download. */
	byte[] pdf(RenderedReport report, Locale locale) {
		return PdfReport.of(report.html(), report.inlines(), "zh".equals(locale.getLanguage()));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		return resolver;
	}

}
