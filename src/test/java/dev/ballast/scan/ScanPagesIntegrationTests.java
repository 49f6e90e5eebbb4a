package dev.ballast.scan;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scan pages on the demo cluster: the empty history tells what to do; an operator's "Scan
 * now" starts a scan (or joins the running one) and lands on its page; a viewer reads the history,
 * a scan, its progress and the diff but cannot scan; the schedule form shows what it refuses on
 * the field; nothing a user or a cluster supplies reaches a page unescaped.
 */
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "management.prometheus.metrics.export.enabled=true" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanPagesIntegrationTests {

	private static final String XSS = "<script>alert(1)</script>";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private Schedules schedules;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@Order(1)
	void anEmptyHistorySaysHowToScan() throws Exception {
		this.mvc.perform(get("/scans").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No scans yet")))
			.andExpect(content().string(not(containsString("/clusters/demo/scan\""))));
		this.mvc.perform(get("/scans").with(as(Role.OPERATOR)))
			.andExpect(content().string(containsString("action=\"/clusters/demo/scan\"")));
	}

	@Test
	@Order(2)
	void anOperatorsScanNowStartsAScanAndLandsOnItsPage() throws Exception {
		MvcResult result = this.mvc.perform(post("/clusters/demo/scan").with(as(Role.OPERATOR)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashMessage", "scan.flash.started"))
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/scans/");
		Scan scan = ScanTestSupport.awaitFinished(this.scans, Long.parseLong(location.substring("/scans/".length())));
		assertThat(scan.trigger()).isEqualTo(ScanTrigger.MANUAL);
		assertThat(scan.requestedBy()).isEqualTo("page-operator");
		assertThat(scan.state()).isEqualTo(ScanState.OK);
	}

	@Test
	@Order(3)
	void scanNowJoinsTheRunningScan() throws Exception {
		long running = insertRunning("someone");
		try {
			this.mvc.perform(post("/clusters/demo/scan").with(as(Role.OPERATOR)).with(csrf()))
				.andExpect(redirectedUrl("/scans/" + running))
				.andExpect(flash().attribute("flashMessage", "scan.flash.joined"));
			this.mvc.perform(get("/scans/" + running).with(as(Role.VIEWER)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-scan-progress")))
				.andExpect(content().string(containsString("/api/v1/scans/" + running + "/progress")))
				.andExpect(content().string(containsString("<progress")))
				.andExpect(content().string(containsString("kinds listed 12 / 30, objects 4,512")))
				.andExpect(content().string(containsString("href=\"/scans/" + running + "\"")));
		}
		finally {
			this.jdbc.sql("DELETE FROM scan WHERE id = ?").param(running).update();
		}
	}

	@Test
	@Order(4)
	void aViewerCannotScan() throws Exception {
		this.mvc.perform(post("/clusters/demo/scan").with(as(Role.VIEWER)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/clusters/nowhere/scan").with(as(Role.OPERATOR)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	@Order(5)
	void aViewerReadsTheHistoryAScanAndTheDiff() throws Exception {
		Scan first = latest();
		Scan second = ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "script").scanId());
		this.mvc.perform(get("/scans").param("cluster", "demo").param("state", "ok").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("cluster", "demo"))
			.andExpect(content().string(containsString("href=\"/scans/" + second.id() + "\"")))
			.andExpect(content().string(containsString("href=\"/scans/" + first.id() + "\"")))
			.andExpect(content().string(containsString(second.result().score() + " (" + second.result().grade() + ")")));
		this.mvc.perform(get("/scans").param("state", "failed").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("No scans match this filter")));
		this.mvc.perform(get("/scans/" + second.id()).with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Checks failing most")))
			.andExpect(content().string(containsString("/scans/" + second.id() + "/diff?base=" + first.id())))
			.andExpect(content().string(containsString("What the snapshot held")))
			.andExpect(content().string(containsString("How scores are computed")))
			.andExpect(content().string(not(containsString("data-scan-progress"))));
		this.mvc.perform(get("/scans/" + second.id() + "/diff").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Scan #" + second.id() + " compared with the earlier scan #"
					+ first.id())))
			.andExpect(content().string(containsString("Namespace scores")));
		this.mvc.perform(get("/clusters/demo").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/scans/" + second.id() + "\"")))
			.andExpect(content().string(containsString("href=\"/scans?cluster=demo\"")));
		this.mvc.perform(get("/scans/999999").with(as(Role.VIEWER))).andExpect(status().isNotFound());
	}

	@Test
	@Order(6)
	void olderScansArePagedWithACursor() throws Exception {
		for (int i = 0; i < 3; i++) {
			insertFailed("pager");
		}
		long count = this.jdbc.sql("SELECT count(*) FROM scan").query(Long.class).single();
		assertThat(count).isLessThan(ScanPagesController.PAGE_SIZE);
		this.mvc.perform(get("/scans").with(as(Role.VIEWER)))
			.andExpect(content().string(not(containsString("Older scans"))));
		for (int i = 0; i < ScanPagesController.PAGE_SIZE; i++) {
			insertFailed("pager");
		}
		MvcResult page = this.mvc.perform(get("/scans").param("state", "failed").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("Older scans")))
			.andReturn();
		String older = (String) page.getModelAndView().getModel().get("older");
		this.mvc.perform(get("/scans").param("state", "failed").param("cursor", older).with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Newest scans")))
			.andExpect(content().string(not(containsString("Older scans"))));
	}

	@Test
	@Order(7)
	void theScheduleFormShowsWhatItRefusesOnTheField() throws Exception {
		this.mvc.perform(get("/clusters/demo/schedule").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0 0 * * * *")))
			.andExpect(content().string(containsString("90 days")));
		this.mvc.perform(get("/clusters/demo/schedule").with(as(Role.OPERATOR))).andExpect(status().isForbidden());
		this.mvc.perform(post("/clusters/demo/schedule").with(as(Role.ADMIN)).with(csrf())
			.param("cron", "every hour").param("enabled", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "cron"))
			.andExpect(content().string(containsString("cannot be &#39;every hour&#39;")));
		this.mvc.perform(post("/clusters/demo/schedule").with(as(Role.ADMIN)).with(csrf())
			.param("cron", "").param("findingsRetentionDays", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "cron", "findingsRetentionDays"));
		this.mvc.perform(post("/clusters/demo/schedule").with(as(Role.ADMIN)).with(csrf())
			.param("cron", XSS).param("enabled", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(XSS))))
			.andExpect(content().string(containsString("&lt;script&gt;")));
		this.mvc.perform(post("/clusters/demo/schedule").with(as(Role.ADMIN)).with(csrf())
			.param("cron", "0 30 2 * * *").param("_enabled", "on").param("findingsRetentionDays", "30"))
			.andExpect(redirectedUrl("/clusters/demo/schedule"))
			.andExpect(flash().attribute("flashMessage", "scan.schedule.flash.saved"));
		Schedule saved = this.schedules.get("demo");
		assertThat(saved.cron()).isEqualTo("0 30 2 * * *");
		assertThat(saved.enabled()).isFalse();
		assertThat(saved.findingsRetentionDays()).isEqualTo(30);
		assertThat(saved.updatedBy()).isEqualTo("page-admin");
	}

	@Test
	@Order(8)
	void nothingAUserOrAClusterSuppliesReachesAPageUnescaped() throws Exception {
		long running = insertRunning(XSS);
		this.jdbc.sql("UPDATE scan SET state = 'FAILED', finished_at = now(), error = ? WHERE id = ?")
			.params(XSS, running)
			.update();
		this.jdbc.sql("""
				UPDATE scan SET gaps = CAST(? AS jsonb), warnings = CAST(? AS jsonb)
				WHERE id = (SELECT max(id) FROM scan WHERE state = 'OK')
				""").params("[{\"kind\":\"" + "<b>Kind</b>" + "\",\"reason\":\"FORBIDDEN\",\"message\":\"<img src=x onerror=alert(1)>\"}]",
				"[\"<script>warn()</script>\"]").update();
		Scan landed = latest();
		for (String page : List.of("/scans", "/scans/" + running, "/scans/" + landed.id(), "/clusters/demo")) {
			this.mvc.perform(get(page).with(as(Role.VIEWER)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>alert"))))
				.andExpect(content().string(not(containsString("<script>warn"))))
				.andExpect(content().string(not(containsString("<img src=x"))))
				.andExpect(content().string(not(containsString("<b>Kind"))));
		}
		this.mvc.perform(get("/scans/" + running).with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
		this.mvc.perform(get("/scans/" + landed.id()).with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("This scan is partial")))
			.andExpect(content().string(containsString("Ballast&#39;s credential may not list it (403)")));
		this.mvc.perform(get("/clusters/demo").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("Last landed scan")))
			.andExpect(content().string(containsString("href=\"/scans/" + landed.id() + "\"")));
	}

	private long insertRunning(String requestedBy) {
		return this.jdbc.sql("""
				INSERT INTO scan (cluster_id, state, trigger, requested_by, started_at, heartbeat_at, instance, phase,
				  kinds_total, kinds_done, objects)
				SELECT id, 'RUNNING', 'MANUAL', ?, now(), now(), 'test', 'snapshot', 30, 12, 4512 FROM cluster
				WHERE name = 'demo' RETURNING id
				""").param(requestedBy).query(Long.class).single();
	}

	private void insertFailed(String requestedBy) {
		long id = insertRunning(requestedBy);
		this.jdbc.sql("UPDATE scan SET state = 'FAILED', finished_at = now(), error = 'test' WHERE id = ?")
			.param(id)
			.update();
	}

	private Scan latest() {
		return this.scans.list(new ScanFilter(List.of("demo"), List.of(ScanState.OK), List.of(), null, null), null, 1)
			.get(0);
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("page", role);
	}

}
