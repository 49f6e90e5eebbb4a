package dev.ballast.scan;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fleet overview and a cluster's page on the demo cluster: what they say before the first
 * scan, the grade, counts and links once one landed, a stale cluster, the trend's range, workloads
 * whose score dropped in a week, an unknown cluster, and no cluster at all.
 */
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@Order(1)
	void beforeTheFirstScanThePagesSaySo() throws Exception {
		this.mvc.perform(get("/").with(as(Role.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not scanned yet")))
			.andExpect(content().string(containsString("action=\"/clusters/demo/scan\"")));
		this.mvc.perform(get("/clusters/demo").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No scan has landed yet")))
			.andExpect(content().string(containsString("About this cluster")))
			.andExpect(content().string(not(containsString("data-chart"))));
	}

	@Test
	@Order(2)
	void afterAScanTheOverviewShowsGradeCountsAndTheWorstWorkload() throws Exception {
		Scan scan = ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "t").scanId());
		Scan.Result result = scan.result();
		this.mvc.perform(get("/").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"grade grade-" + result.grade() + "\"")))
			.andExpect(content().string(containsString(result.score() + " / 100")))
			.andExpect(content().string(containsString(result.dangers() + " danger")))
			.andExpect(content().string(containsString(result.warnings() + " warning")))
			.andExpect(content().string(containsString(">ok<")))
			.andExpect(content().string(containsString("<polyline")))
			.andExpect(content().string(containsString("Daily cluster score over the last 30 days")))
			.andExpect(content().string(containsString("href=\"/clusters/demo/workloads/")))
			.andExpect(content().string(containsString("No workload score dropped since a week ago")))
			.andExpect(content().string(containsString("href=\"/scans/" + scan.id() + "\"")));
	}

	@Test
	@Order(3)
	void theClusterPageShowsTrendNamespacesWorkloadsChecksAndScans() throws Exception {
		Scan scan = latest();
		this.mvc.perform(get("/clusters/demo").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-chart=\"trend\"")))
			.andExpect(content().string(containsString("class=\"data-table chart-table\"")))
			.andExpect(content().string(containsString("Daily mean cluster score over the last 30 days")))
			.andExpect(content().string(containsString("href=\"/clusters/demo/namespaces/")))
			.andExpect(content().string(containsString("href=\"/clusters/demo/workloads/")))
			.andExpect(content().string(containsString("href=\"/findings?cluster=demo&amp;check=")))
			.andExpect(content().string(containsString("href=\"/scans/" + scan.id() + "\"")))
			.andExpect(content().string(not(containsString("href=\"/scans/" + scan.id() + "/diff\""))))
			.andExpect(content().string(containsString("data-export-label=\"Download CSV\"")))
			.andExpect(content().string(containsString("About this cluster")))
			.andExpect(content().string(not(containsString("action=\"/clusters/demo/scan\""))));
		this.mvc.perform(get("/clusters/demo").with(as(Role.OPERATOR)))
			.andExpect(content().string(containsString("action=\"/clusters/demo/scan\"")));
	}

	@Test
	@Order(4)
	void theTrendRangeIsChosenByALink() throws Exception {
		this.mvc.perform(get("/clusters/demo").param("range", "24h").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(current("24h")))
			.andExpect(content().string(containsString("Hourly mean cluster score over the last 24 hours")));
		this.mvc.perform(get("/clusters/demo").param("range", "1y").with(as(Role.VIEWER)))
			.andExpect(content().string(current("1y")))
			.andExpect(content().string(containsString("Weekly mean cluster score over the last year")));
		this.mvc.perform(get("/clusters/demo").param("range", "forever").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(current("30d")));
	}

	@Test
	@Order(5)
	void aWorkloadWhoseScoreDroppedInAWeekIsListed() throws Exception {
		Scan first = latest();
		Scan second = ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "t").scanId());
		this.jdbc.sql("UPDATE scan SET started_at = started_at - interval '8 days', finished_at = finished_at - interval '8 days' WHERE id = ?")
			.param(first.id())
			.update();
		this.jdbc.sql("UPDATE scan_workload_score SET score = 100 WHERE scan_id = ?").param(first.id()).update();
		this.mvc.perform(get("/").with(as(Role.VIEWER)))
			.andExpect(content().string(matchesPattern("(?s).*100 → \\d+ \\(−\\d+\\).*")))
			.andExpect(content().string(not(containsString("No workload score dropped"))))
			.andExpect(content().string(containsString("href=\"/scans/" + second.id() + "\"")));
		this.mvc.perform(get("/clusters/demo").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("href=\"/scans/" + second.id() + "/diff\"")))
			.andExpect(content().string(not(containsString("href=\"/scans/" + first.id() + "/diff\""))));
	}

	@Test
	@Order(6)
	void aClusterWhoseLastLandedScanIsOldIsStale() throws Exception {
		this.jdbc.sql("UPDATE scan SET started_at = started_at - interval '30 hours', finished_at = finished_at - interval '30 hours'")
			.update();
		this.mvc.perform(get("/").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString(">stale<")))
			.andExpect(content().string(containsString("older than 26 hours")));
		this.mvc.perform(get("/clusters/demo").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString(">stale<")));
	}

	@Test
	@Order(7)
	void anUnknownClusterIsNotFound() throws Exception {
		this.mvc.perform(get("/clusters/nowhere").with(as(Role.VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/nowhere").param("range", "7d").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound());
	}

	@Test
	@Order(8)
	void withoutClustersTheOverviewTellsTheAdminToRegisterOne() throws Exception {
		this.mvc.perform(post("/clusters/demo/delete").with(as(Role.ADMIN)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No clusters yet")))
			.andExpect(content().string(containsString("href=\"/clusters/new\"")));
		this.mvc.perform(get("/").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("Ask an administrator to register a cluster.")))
			.andExpect(content().string(not(containsString("href=\"/clusters/new\""))));
	}

	/** The range link marked as the current page. */
	private static Matcher<String> current(String range) {
		return matchesPattern("(?s).*href=\"/clusters/demo\\?range=" + range + "\"\\s+aria-current=\"page\".*");
	}

	private Scan latest() {
		return this.scans.list(ScanFilter.of("demo"), null, 1).get(0);
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("dash", role);
	}

}
