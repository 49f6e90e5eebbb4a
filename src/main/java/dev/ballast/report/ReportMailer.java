package dev.ballast.report;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one mail through the SMTP server stored now (not Spring Boot's static
 * {@code spring.mail.*}): text and HTML as alternatives, images inline by Content-ID, files
 * attached.
 */
@Component
class ReportMailer {

	/** Why sending failed, in words fit for the delivery log. */
	static final class SendFailedException extends Exception {

		SendFailedException(String reason, Throwable cause) {
			super(reason, cause);
		}

	}

	private final SmtpStore smtp;

	private final ReportSettings settings;

	ReportMailer(SmtpStore smtp, ReportSettings settings) {
		this.smtp = smtp;
		this.settings = settings;
	}

	void send(List<String> recipients, RenderedReport report) throws SendFailedException {
		SmtpStore.Connection connection = this.smtp.connection();
		JavaMailSenderImpl sender = sender(connection);
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					"UTF-8");
			helper.setFrom(connection.settings().from());
			helper.setTo(recipients.toArray(String[]::new));
			helper.setSubject(report.subject());
			if (report.html().isEmpty()) {
				helper.setText(report.text(), false);
			}
			else {
				helper.setText(report.text(), report.html());
			}
			for (RenderedReport.Inline inline : report.inlines()) {
				helper.addInline(inline.contentId(), new ByteArrayResource(inline.bytes()), inline.contentType());
			}
			for (RenderedReport.Attachment attachment : report.attachments()) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.bytes()),
						attachment.contentType());
			}
			sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			SmtpSettings smtp = connection.settings();
			throw new SendFailedException(smtp.host() + ":" + smtp.port() + ": " + reason(ex), ex);
		}
	}

	private JavaMailSenderImpl sender(SmtpStore.Connection connection) {
		SmtpSettings smtp = connection.settings();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(smtp.host());
		sender.setPort(smtp.port());
		sender.setDefaultEncoding("UTF-8");
		boolean tls = smtp.security() == SmtpSecurity.TLS;
		sender.setProtocol(tls ? "smtps" : "smtp");
		String prefix = "mail." + (tls ? "smtps" : "smtp") + ".";
		Properties properties = new Properties();
		properties.setProperty(prefix + "connectiontimeout", millis(this.settings.connectTimeout()));
		properties.setProperty(prefix + "timeout", millis(this.settings.readTimeout()));
		properties.setProperty(prefix + "writetimeout", millis(this.settings.writeTimeout()));
		if (smtp.security() == SmtpSecurity.STARTTLS) {
			properties.setProperty(prefix + "starttls.enable", "true");
			properties.setProperty(prefix + "starttls.required", "true");
		}
		if (tls || smtp.security() == SmtpSecurity.STARTTLS) {
			properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		}
		if (smtp.username() != null) {
			properties.setProperty(prefix + "auth", "true");
			sender.setUsername(smtp.username());
			sender.setPassword(connection.password());
		}
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private static String millis(Duration duration) {
		return Long.toString(duration.toMillis());
	}

	/** The innermost message that says something, e.g. "Connection refused" or "535 Authentication failed". */
	static String reason(Throwable ex) {
		String reason = ex.getClass().getSimpleName();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				reason = cause.getMessage().strip();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return (reason.length() > 1900) ? reason.substring(0, 1900) + "…" : reason;
	}

}
