package dev.ballast.report.render;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.report.RenderedReport;
import dev.ballast.report.ReportSection;
import dev.ballast.report.Subscription;
import dev.ballast.report.SubscriptionLookup;
import dev.ballast.scan.History;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanDiff;
import dev.ballast.scan.ScanState;
import dev.ballast.scan.ScanTrigger;
import dev.ballast.scan.Scans;
import dev.ballast.security.Role;
import dev.ballast.security.SignedInUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report of a cluster of manifest files, from two real scans with a change between them: a
 * workload removed (its findings fixed) and one added (its findings new). Before the first scan the
 * report says so; afterwards the HTML part has inline styles only and absolute links, the chart
 * decodes, the text part has the same numbers, Chinese is Chinese, the PDF parses, and the
 * preview is an administrator's.
 */
@SpringBootTest(properties = { "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "ballast.report.base-url=https://ballast.example.test/" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportRenderingIntegrationTests {

	private static final String CLUSTER = "mail";

	private static final String BASE = "https://ballast.example.test";

	private static final String LEGACY = """
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: legacy, namespace: open}
			spec:
			  replicas: 1
			  selector: {matchLabels: {app: legacy}}
			  template:
			    metadata: {labels: {app: legacy}}
			    spec:
			      containers:
			      - {name: app, image: "legacy:latest"}
			""";

	private static final String BATCH = LEGACY.replace("legacy", "batch");

	@TempDir
	static Path manifests;

	@Autowired
	private ReportContents contents;

	@Autowired
	private MailReportRenderer renderer;

	@Autowired
	private Scans scans;

	@Autowired
	private History history;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	@Order(1)
	void beforeTheFirstScanTheReportSaysSo() throws Exception {
		Files.copy(Path.of("src/test/resources/fixtures/facts/cluster.yaml"), manifests.resolve("cluster.yaml"));
		Files.writeString(manifests.resolve("legacy.yaml"), LEGACY);
		this.jdbc.sql("""
				INSERT INTO cluster (name, display_name, source, manifest_location, created_at, created_by)
				VALUES (?, 'Mail cluster', 'MANIFESTS', ?, now(), 'test') ON CONFLICT DO NOTHING
				""").params(CLUSTER, manifests.toAbsolutePath().toString()).update();
		RenderedReport report = this.renderer.render(subscription(Locale.ENGLISH, false), null, Instant.now());
		assertThat(report.subject()).isEqualTo("Ballast report Weekly: no scans yet");
		assertThat(report.text()).contains("No scans yet").contains("Mail cluster");
		assertThat(report.html()).contains("No scans yet");
		assertThat(report.inlines()).isEmpty();
		assertThat(report.changed()).isFalse();
	}

	@Test
	@Order(2)
	void countsTheFindingsNewAndFixedBetweenTwoScans() throws Exception {
		scan();
		Files.delete(manifests.resolve("legacy.yaml"));
		Files.writeString(manifests.resolve("batch.yaml"), BATCH);
		Scan second = scan();
		ReportContent content = this.contents.of(subscription(Locale.ENGLISH, false), null, Instant.now());
		ReportContent.ClusterPart part = content.clusters().get(0);
		ScanDiff diff = this.history.diff(second.id() - 1, second.id());
		assertThat(part.newFindings()).isNotEmpty().hasSize(diff.newFindings().size())
			.allSatisfy((finding) -> assertThat(finding.row().name()).isEqualTo("batch"));
		assertThat(part.fixedFindings()).isNotEmpty().hasSize(diff.fixedFindings().size())
			.allSatisfy((finding) -> assertThat(finding.row().name()).isEqualTo("legacy"));
		assertThat(part.newFindings().get(0).url()).isEqualTo(BASE + "/clusters/mail/workloads/open/Deployment/batch");
		assertThat(part.diffUrl()).isEqualTo(BASE + "/scans/" + second.id() + "/diff?base=" + (second.id() - 1));
		assertThat(part.score()).isEqualTo(second.result().score());
		assertThat(part.state()).isEqualTo("ok");
		assertThat(part.trend()).isNotEmpty();
		assertThat(content.topChecks()).isNotEmpty();
		assertThat(content.changed()).isTrue();
	}

	@Test
	@Order(3)
	void nothingChangedSinceTheLatestScan() {
		ReportContent content = this.contents.of(subscription(Locale.ENGLISH, false), Instant.now(), Instant.now());
		assertThat(content.clusters().get(0).newFindings()).isEmpty();
		assertThat(content.clusters().get(0).fixedFindings()).isEmpty();
		assertThat(content.changed()).isFalse();
		assertThat(this.renderer.render(subscription(Locale.ENGLISH, false), Instant.now(), Instant.now()).text())
			.contains("Nothing changed since");
	}

	@Test
	@Order(4)
	void theHtmlPartHasInlineStylesAbsoluteLinksAndTheChart() throws Exception {
		RenderedReport report = this.renderer.render(subscription(Locale.ENGLISH, false), null, Instant.now());
		String html = report.html();
		assertThat(html).doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("<script")
			.doesNotContain("class=\"");
		Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
		int count = 0;
		while (links.find()) {
			assertThat(links.group(1)).startsWith(BASE + "/");
			count++;
		}
		assertThat(count).isGreaterThan(3);
		assertThat(html).contains("href=\"" + BASE + "/clusters/mail\"");
		assertThat(report.inlines()).hasSize(1);
		RenderedReport.Inline chart = report.inlines().get(0);
		assertThat(html).contains("src=\"cid:" + chart.contentId() + "\"");
		assertThat(chart.contentType()).isEqualTo("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.bytes()));
		assertThat(image.getWidth()).isEqualTo(TrendChart.WIDTH);
		assertThat(image.getHeight()).isEqualTo(TrendChart.HEIGHT);
		assertThat(report.subject()).startsWith("Ballast report Weekly: ").contains(" new, ");
	}

	@Test
	@Order(5)
	void theTextPartHasTheSameNumbers() {
		Instant now = Instant.now();
		ReportContent content = this.contents.of(subscription(Locale.ENGLISH, false), null, now);
		ReportContent.ClusterPart part = content.clusters().get(0);
		RenderedReport report = this.renderer.render(subscription(Locale.ENGLISH, false), null, now);
		String counts = part.newFindings().size() + " new findings, " + part.fixedFindings().size()
				+ " fixed findings";
		assertThat(report.text()).contains(counts).contains("Score " + part.score())
			.contains("Danger findings " + part.dangers())
			.contains(part.diffUrl())
			.doesNotContain("<");
		assertThat(report.html()).contains(counts).contains(">" + part.score() + "<");
	}

	@Test
	@Order(5)
	void capacityAndIsolationSayWhatTheLatestScansAnalysesFound() {
		Instant now = Instant.now();
		ReportContent.ClusterPart part = this.contents.of(subscription(Locale.ENGLISH, false), null, now)
			.clusters()
			.get(0);
		// the fixture's two nodes carry no pool label: one pool, named "—"; its pod range is read from
		// the node blocks, so the CIDR page has a number of nodes that can still join
		assertThat(part.highlights("CAPACITY")).extracting((line) -> line.highlight().code())
			.contains("sizing.highlight.pool");
		assertThat(part.highlights("CAPACITY")).allSatisfy((line) -> assertThat(line.url())
			.matches(BASE + "/clusters/mail/(sizing|cidr)"));
		assertThat(part.highlights("ISOLATION")).allSatisfy((line) -> assertThat(line.url())
			.matches(BASE + "/clusters/mail/(taints|isolation|isolation/rbac)"));
		RenderedReport report = this.renderer.render(subscription(Locale.ENGLISH, false), null, now);
		assertThat(report.text()).contains("== Capacity ==").contains("Pool — (2 nodes): ")
			.doesNotContain("Not available yet");
		assertThat(report.html()).contains("href=\"" + BASE + "/clusters/mail/sizing\"")
			.contains("Pool — (2 nodes): ");
	}

	@Test
	@Order(6)
	void chineseSubscriptionsGetAChineseReportAndAPdf() throws Exception {
		RenderedReport report = this.renderer.render(subscription(Locale.SIMPLIFIED_CHINESE, true), null,
				Instant.parse("2026-11-30T07:00:00Z"));
		assertThat(report.subject()).startsWith("Ballast 报告 Weekly");
		assertThat(report.html()).contains("集群总览").contains("lang=\"zh-CN\"");
		assertThat(report.text()).contains("集群总览");
		assertThat(report.attachments()).hasSize(1);
		RenderedReport.Attachment pdf = report.attachments().get(0);
		assertThat(pdf.fileName()).isEqualTo("ballast-report-2026-11-30.pdf");
		try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
			assertThat(new PDFTextStripper().getText(document)).contains("Mail cluster");
		}
		RenderedReport english = this.renderer.render(subscription(Locale.ENGLISH, true), null, Instant.now());
		keep("zh", report);
		keep("en", english);
		try (PDDocument document = Loader.loadPDF(english.attachments().get(0).bytes())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Mail cluster").contains("Fleet summary");
		}
	}

	@Test
	@Order(7)
	void thePreviewIsAnAdministrators() throws Exception {
		this.mvc.perform(get("/reports/7/preview").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ballast report Weekly: ")))
			.andExpect(content().string(containsString("src=\"/reports/7/preview.html\"")))
			.andExpect(content().string(containsString("href=\"/reports/7/preview.pdf\"")));
		this.mvc.perform(get("/reports/7/preview").with(as(Role.VIEWER))).andExpect(status().isForbidden());
		this.mvc.perform(get("/reports/8/preview").with(as(Role.ADMIN))).andExpect(status().isNotFound());
		this.mvc.perform(get("/reports/7/preview.html").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", ReportPreviewController.HTML_POLICY))
			.andExpect(content().string(containsString("src=\"/reports/7/preview/inline/trend-0@ballast\"")));
		this.mvc.perform(get("/reports/7/preview/inline/trend-0@ballast").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
		this.mvc.perform(get("/reports/7/preview.pdf").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		this.mvc.perform(get("/api/v1/reports/subscriptions/7/preview").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value(org.hamcrest.Matchers.startsWith("Ballast report Weekly: ")))
			.andExpect(jsonPath("$.text").value(containsString("Mail cluster")));
		this.mvc.perform(get("/api/v1/reports/subscriptions/8/preview").with(as(Role.ADMIN)))
			.andExpect(status().isNotFound());
	}

	/** Leaves the report in target/report-samples, to look at (HTML with its images, text, PDF). */
	private static void keep(String name, RenderedReport report) throws java.io.IOException {
		Path dir = Files.createDirectories(Path.of("target/report-samples"));
		String html = report.html();
		for (RenderedReport.Inline inline : report.inlines()) {
			html = html.replace("cid:" + inline.contentId(), "data:image/png;base64,"
					+ java.util.Base64.getEncoder().encodeToString(inline.bytes()));
		}
		Files.writeString(dir.resolve(name + ".html"), html);
		Files.writeString(dir.resolve(name + ".txt"), report.text());
		Files.write(dir.resolve(name + ".pdf"), report.attachments().get(0).bytes());
	}

	private Scan scan() throws InterruptedException {
		long id = this.scans.trigger(CLUSTER, ScanTrigger.API, "test").scanId();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Scan scan = this.scans.get(id);
			if (scan.state().finished()) {
				assertThat(scan.state()).isEqualTo(ScanState.OK);
				return scan;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("scan " + id + " did not finish");
	}

	static Subscription subscription(Locale language, boolean pdf) {
		return new Subscription(7, "Weekly", List.of("ops@example.test"), List.of(CLUSTER), "0 0 8 * * MON",
				ZoneId.of("UTC"), language, EnumSet.allOf(ReportSection.class), false, pdf, true, null);
	}

	private static RequestPostProcessor as(Role role) {
		SignedInUser user = new SignedInUser(0, "report-" + role.name().toLowerCase(Locale.ROOT), role);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
	}

	@TestConfiguration
	static class Subscriptions {

		@Bean
		@Primary
		SubscriptionLookup subscriptionLookup() {
			Map<Long, Subscription> stored = Map.of(7L, subscription(Locale.ENGLISH, false));
			return (id) -> Optional.ofNullable(stored.get(id));
		}

	}

}
