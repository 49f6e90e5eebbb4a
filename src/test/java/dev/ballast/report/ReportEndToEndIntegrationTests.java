package dev.ballast.report;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.ballast.scan.ScanState;
import dev.ballast.scan.ScanTrigger;
import dev.ballast.scan.Scans;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole way with the real renderer: two weekly reports configured through the page, one in
 * English and one in Chinese, fall due; two replicas look at once; each report arrives once at a
 * real SMTP server (GreenMail) with its text and HTML parts, the trend chart inline, absolute links
 * and the demo cluster's numbers from its stored scans, in its language.
 */
@SpringBootTest(properties = { "ballast.cluster.credentials-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
		"ballast.report.poll-interval=1h", "ballast.demo=true", "ballast.scan.scheduled=false",
		"ballast.report.base-url=https://ballast.example.test" })
@AutoConfigureMockMvc
class ReportEndToEndIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final Pattern CID = Pattern.compile("src=\"cid:([^\"]+)\"");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private SmtpStore smtpStore;

	@Autowired
	private ReportDispatcher dispatcher;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void weeklyReportsConfiguredOnThePageArriveOnceInTheirLanguageWithChartAndLinks() throws Exception {
		for (int i = 0; i < 2; i++) {
			landed(this.scans.trigger("demo", ScanTrigger.API, "test").scanId());
		}
		this.smtpStore.save("localhost", smtp.getSmtp().getPort(), SmtpSecurity.NONE, null, null, true,
				"ballast@example.com", "admin");
		subscribe("Weekly en", "en-ops@example.com", "en");
		subscribe("Weekly zh", "zh-ops@example.com", "zh-CN");
		this.jdbc.sql("UPDATE report_subscription SET next_run_at = now() - interval '1 minute'").update();

		CompletableFuture.allOf(CompletableFuture.runAsync(this.dispatcher::runDue),
				CompletableFuture.runAsync(this.dispatcher::runDue)).join();
		this.dispatcher.runDue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).as("each report once").hasSize(2);
		Map<String, MimeMessage> byRecipient = new HashMap<>();
		for (MimeMessage message : received) {
			byRecipient.put(message.getAllRecipients()[0].toString(), message);
		}
		Mail english = Mail.of(byRecipient.get("en-ops@example.com"));
		assertThat(english.subject).contains("Weekly en");
		assertThat(english.text).contains("Demo cluster");
		assertThat(english.html).contains("https://ballast.example.test/clusters/demo").doesNotContain("<script");
		assertThat(english.chartWidth).isPositive();

		Mail chinese = Mail.of(byRecipient.get("zh-ops@example.com"));
		assertThat(chinese.text).containsPattern("[\\u4e00-\\u9fff]").contains("Demo cluster");
		assertThat(chinese.html).containsPattern("[\\u4e00-\\u9fff]");
		assertThat(chinese.chartWidth).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM report_delivery WHERE state = 'SENT'").query(Long.class).single())
			.isEqualTo(2);
	}

	private void subscribe(String name, String recipient, String language) throws Exception {
		this.mvc
			.perform(post("/reports").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("name", name)
				.param("recipients", recipient)
				.param("clusters", "demo")
				.param("schedule", "weekly")
				.param("cron", "")
				.param("zone", "UTC")
				.param("language", language)
				.param("sections", "FLEET", "CHANGES", "CHECKS", "SCANS")
				.param("enabled", "true")
				.param("_enabled", "on")
				.param("_onlyWhenChanged", "on")
				.param("_attachPdf", "on"))
			.andExpect(status().is3xxRedirection());
	}

	private void landed(long id) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (this.scans.get(id).state() != ScanState.RUNNING) {
				assertThat(this.scans.get(id).state().landed()).isTrue();
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("scan " + id + " did not finish");
	}

	/** What a received mail holds: subject, both parts, and the width of the chart its HTML shows. */
	private record Mail(String subject, String text, String html, int chartWidth) {

		static Mail of(MimeMessage message) throws Exception {
			List<Part> parts = new ArrayList<>();
			collect(message, parts);
			String text = null;
			String html = null;
			Map<String, byte[]> images = new HashMap<>();
			for (Part part : parts) {
				if (part.isMimeType("text/plain") && part.getFileName() == null) {
					text = (String) part.getContent();
				}
				else if (part.isMimeType("text/html")) {
					html = (String) part.getContent();
				}
				else if (part.isMimeType("image/png")) {
					String id = ((MimeBodyPart) part).getContentID();
					images.put(id.replaceAll("^<|>$", ""), part.getInputStream().readAllBytes());
				}
			}
			assertThat(text).as("a text part").isNotNull();
			assertThat(html).as("an HTML part").isNotNull();
			Matcher cid = CID.matcher(html);
			assertThat(cid.find()).as("the HTML shows an inline image").isTrue();
			byte[] png = images.get(cid.group(1));
			assertThat(png).as("the image " + cid.group(1) + " is in the mail").isNotNull();
			return new Mail(message.getSubject(), text, html, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
		}

		private static void collect(Part part, List<Part> parts) throws Exception {
			parts.add(part);
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i), parts);
				}
			}
		}

	}

}
