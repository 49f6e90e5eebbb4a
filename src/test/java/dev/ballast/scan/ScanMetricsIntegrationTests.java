package dev.ballast.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.scan.internal.HistoryWriter;
import dev.ballast.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code /actuator/prometheus} after scans of the demo cluster: every gauge of the cluster equals
 * what the last landed scan stored, its age grows at scrape time, and a failed scan raises
 * {@code ballast_scan_last_failed} without touching the landed scan's values.
 */
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "management.prometheus.metrics.export.enabled=true",
		"ballast.scan.metrics-refresh=10m" })
@AutoConfigureMockMvc
class ScanMetricsIntegrationTests {

	private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private HistoryWriter writer;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theGaugesOfAClusterAreTheValuesOfItsLastLandedScan() throws Exception {
		Scan scan = ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "metrics").scanId());
		assertThat(scan.state()).isEqualTo(ScanState.OK);
		Scan.Result result = scan.result();
		Map<String, Double> metrics = scrapeUntil("ballast_scan_score{cluster=\"demo\"}", result.score());
		assertThat(metrics).containsEntry("ballast_scan_score{cluster=\"demo\"}", (double) result.score())
			.containsEntry("ballast_scan_findings{cluster=\"demo\",severity=\"danger\"}", (double) result.dangers())
			.containsEntry("ballast_scan_findings{cluster=\"demo\",severity=\"warning\"}", (double) result.warnings())
			.containsEntry("ballast_scan_findings{cluster=\"demo\",severity=\"info\"}", (double) result.infos())
			.containsEntry("ballast_scan_duration_seconds{cluster=\"demo\"}", scan.durationMs() / 1000.0)
			.containsEntry("ballast_scan_gaps{cluster=\"demo\"}", 0.0)
			.containsEntry("ballast_scan_last_failed{cluster=\"demo\"}", 0.0);
		List<Map<String, Object>> rollup = this.jdbc.sql("""
				SELECT check_id, sum(failing) AS failing FROM scan_check_rollup WHERE scan_id = ? GROUP BY check_id
				""").param(scan.id()).query().listOfRows();
		assertThat(rollup).isNotEmpty();
		for (Map<String, Object> row : rollup) {
			assertThat(metrics).containsEntry(
					"ballast_scan_check_findings{check=\"" + row.get("check_id") + "\",cluster=\"demo\"}",
					((Number) row.get("failing")).doubleValue());
		}
		double checks = metrics.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("ballast_scan_check_findings{"))
			.mapToDouble(Map.Entry::getValue)
			.sum();
		assertThat(checks).isEqualTo(result.dangers() + result.warnings() + result.infos());
		assertThat(metrics.keySet().stream().filter((k) -> k.startsWith("ballast_scan_check_findings{")))
			.as("every check that ran, passing ones at 0")
			.hasSize(this.jdbc.sql("SELECT count(*) FROM scan_check_result WHERE scan_id = ?")
				.param(scan.id())
				.query(Integer.class)
				.single());
		double age = metrics.get("ballast_scan_age_seconds{cluster=\"demo\"}");
		assertThat(age).isBetween(0.0, 60.0);
		Thread.sleep(1100);
		assertThat(scrape().get("ballast_scan_age_seconds{cluster=\"demo\"}")).as("computed when scraped")
			.isGreaterThan(age);

		long failing = this.jdbc.sql("""
				INSERT INTO scan (cluster_id, state, trigger, requested_by, started_at, heartbeat_at, instance, phase)
				SELECT id, 'RUNNING', 'API', 'metrics', now(), now(), 'test', 'snapshot' FROM cluster WHERE name = 'demo'
				RETURNING id
				""").query(Long.class).single();
		assertThat(this.writer.fail(failing, "demo", "unreachable")).isTrue();
		Map<String, Double> after = scrape();
		assertThat(after).containsEntry("ballast_scan_last_failed{cluster=\"demo\"}", 1.0)
			.containsEntry("ballast_scan_score{cluster=\"demo\"}", (double) result.score());
	}

	@Test
	void metricsNeedAnAdministratorsSession() throws Exception {
		this.mvc.perform(get("/actuator/prometheus").with(as(Role.OPERATOR)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
	}

	private Map<String, Double> scrapeUntil(String key, double expected) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		Map<String, Double> metrics = scrape();
		while (!Double.valueOf(expected).equals(metrics.get(key)) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			metrics = scrape();
		}
		return metrics;
	}

	/** The samples of the scan gauges, by name and labels as Prometheus writes them. */
	private Map<String, Double> scrape() throws Exception {
		String text = this.mvc.perform(get("/actuator/prometheus").with(as(Role.ADMIN)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Double> samples = new TreeMap<>();
		Matcher matcher = SAMPLE.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).startsWith("ballast_scan_")) {
				samples.put(matcher.group(1) + "{" + matcher.group(2) + "}", Double.parseDouble(matcher.group(3)));
			}
		}
		return samples;
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("metrics", role);
	}

}
