package dev.ballast.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.ballast.scan.internal.Retention;
import dev.ballast.scan.internal.ScanJobs;
import dev.ballast.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scans of the demo cluster on embedded PostgreSQL, through the API: a scan lands whole with its
 * findings, rollups and scores; concurrent requests make one scan; a configuration change between
 * two scans shows in the diff; retention removes only old raw findings; a scan whose replica
 * stopped is failed and leaves nothing; removing a cluster removes its scans with their findings;
 * bad requests get problem details naming the parameter.
 */
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private Retention retention;

	@Autowired
	private ScanJobs jobs;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@Order(1)
	void aScanRequestedThroughTheApiLandsWithFindingsRollupsAndScores() throws Exception {
		MvcResult started = this.mvc.perform(post("/api/v1/clusters/demo/scans").with(as(Role.OPERATOR)).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/scans/")))
			.andExpect(jsonPath("$.scan.state").value("running"))
			.andReturn();
		long id = ((Number) JsonPath.read(started.getResponse().getContentAsString(), "$.scan.id")).longValue();
		Scan scan = ScanTestSupport.awaitFinished(this.scans, id);
		assertThat(scan.state()).isEqualTo(ScanState.OK);
		assertThat(scan.result()).isNotNull();
		assertThat(scan.result().workloads()).isEqualTo(40);
		assertThat(scan.result().dangers()).isPositive();
		assertThat(scan.requestedBy()).isEqualTo("scan-operator");
		int findings = count("SELECT count(*) FROM scan_finding WHERE scan_id = ?", id);
		assertThat(findings).isEqualTo(scan.result().dangers() + scan.result().warnings() + scan.result().infos()
				+ scan.result().exempted());
		assertThat(count("SELECT COALESCE(sum(failing + exempted), 0) FROM scan_check_rollup WHERE scan_id = ?", id))
			.isEqualTo(findings);
		assertThat(count("SELECT count(*) FROM scan_workload_score WHERE scan_id = ?", id)).isEqualTo(40);
		assertThat(count("SELECT count(*) FROM scan_check_result WHERE scan_id = ?", id)).isGreaterThan(90);
		this.mvc.perform(get("/api/v1/scans/" + id + "/analyses/snapshot").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kinds.Node").value(12));
		this.mvc.perform(get("/api/v1/scores").param("cluster", "demo").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].score").value(scan.result().score()))
			.andExpect(jsonPath("$[0].grade").value(scan.result().grade()));
	}

	@Test
	@Order(2)
	void concurrentRequestsMakeOneScanAndTheOthersJoinIt() throws Exception {
		int callers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		List<Boolean> joined = java.util.Collections.synchronizedList(new ArrayList<>());
		int before = count("SELECT count(*) FROM scan");
		for (int i = 0; i < callers; i++) {
			pool.execute(() -> {
				try {
					start.await();
					Scans.Ticket ticket = this.scans.trigger("demo", ScanTrigger.API, "racer");
					ids.add(ticket.scanId());
					joined.add(ticket.joined());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(ids).hasSize(1);
		assertThat(joined).hasSize(callers).containsOnlyOnce(false);
		assertThat(count("SELECT count(*) FROM scan")).isEqualTo(before + 1);
		assertThat(ScanTestSupport.awaitFinished(this.scans, ids.iterator().next()).state()).isEqualTo(ScanState.OK);
		this.mvc.perform(post("/api/v1/clusters/demo/scans").with(as(Role.VIEWER)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	@Order(3)
	void theDiffShowsWhatAConfigurationChangeFixedAndBroke() throws Exception {
		Scan before = latestLanded();
		// fix: exempt one failing check everywhere; and turn another off, which is not a fix: its
		// findings are neither fixed nor new, it was not looked at
		String fixed = JsonPath.read(this.mvc
			.perform(get("/api/v1/findings").param("cluster", "demo").param("severity", "danger").with(as(Role.VIEWER)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.items[0].check");
		int fixedCount = count("SELECT count(*) FROM scan_finding WHERE scan_id = ? AND check_id = ? "
				+ "AND exempt_source IS NULL", before.id(), fixed);
		this.mvc.perform(post("/api/v1/checks/exemptions").with(as(Role.OPERATOR)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"cluster":"demo","checkId":"%s","reason":"accepted for the test","until":"%s"}
					""".formatted(fixed, java.time.LocalDate.now().plusDays(30)))).andExpect(status().isCreated());
		String off = JsonPath.read(this.mvc
			.perform(get("/api/v1/findings").param("cluster", "demo").param("severity", "warning").with(as(Role.VIEWER)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.items[0].check");
		this.mvc.perform(put("/api/v1/checks/settings").with(as(Role.OPERATOR)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"cluster\":\"demo\",\"checkId\":\"" + off
					+ "\",\"setting\":\"off\",\"reason\":\"not looked at in this test\"}"))
			.andExpect(status().isOk());
		assertThat(count("SELECT count(*) FROM scan_finding WHERE scan_id = ? AND check_id = ? AND exempt_source IS NULL",
				before.id(), off)).isPositive();
		Scan after = ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.MANUAL, "tester").scanId());
		this.mvc.perform(get("/api/v1/scans/" + after.id() + "/diff").param("base", String.valueOf(before.id()))
			.with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.base.id").value(before.id()))
			.andExpect(jsonPath("$.newFindings.length()").value(0))
			.andExpect(jsonPath("$.fixedFindings.length()").value(fixedCount))
			.andExpect(jsonPath("$.fixedFindings[*].check").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.is(fixed))))
			.andExpect(jsonPath("$.scoreChange").value(after.result().score() - before.result().score()));
		assertThat(after.result().score()).isGreaterThanOrEqualTo(before.result().score());
		this.mvc.perform(get("/api/v1/findings").param("cluster", "demo").param("state", "fixed")
			.with(as(Role.VIEWER))).andExpect(jsonPath("$.items.length()").value(Math.min(fixedCount, 100)));
		this.mvc.perform(get("/api/v1/clusters/demo/diff").param("since", "yesterday").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.target.id").value(after.id()));
	}

	@Test
	@Order(4)
	void findingsArePagedWithACursorAndAnsweredFromCacheWhenUnchanged() throws Exception {
		MvcResult first = this.mvc
			.perform(get("/api/v1/findings").param("cluster", "demo").param("limit", "5").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(5))
			.andExpect(header().string(HttpHeaders.LINK, containsString("rel=\"next\"")))
			.andReturn();
		String cursor = JsonPath.read(first.getResponse().getContentAsString(), "$.nextCursor");
		String firstItem = JsonPath.read(first.getResponse().getContentAsString(), "$.items[0].path").toString();
		this.mvc.perform(get("/api/v1/findings").param("cluster", "demo").param("limit", "5").param("cursor", cursor)
			.with(as(Role.VIEWER))).andExpect(jsonPath("$.items.length()").value(5))
			.andExpect(jsonPath("$.items[0].path").value(org.hamcrest.Matchers.not(firstItem)));
		MvcResult csv = this.mvc.perform(get("/api/v1/findings").param("cluster", "demo").param("limit", "5")
			.accept("text/csv")
			.with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.LINK, containsString("rel=\"next\"")))
			.andReturn();
		String[] lines = csv.getResponse().getContentAsString().split("\r?\n");
		assertThat(lines).hasSize(6);
		assertThat(lines[0]).startsWith("scanId,cluster,check,severity,kind,namespace,name,container,path,actual");
		this.mvc.perform(get("/api/v1/trends").param("cluster", "demo").accept("text/csv").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.startsWith("at,scans,score,minScore,maxScore")));
		String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();
		this.mvc.perform(get("/api/v1/findings").param("cluster", "demo").param("limit", "5")
			.header(HttpHeaders.IF_NONE_MATCH, etag).with(as(Role.VIEWER))).andExpect(status().isNotModified());
	}

	@Test
	@Order(5)
	void badRequestsGetProblemDetailsNamingTheParameter() throws Exception {
		this.mvc.perform(get("/api/v1/findings").param("limit", "abc").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("limit"))
			.andExpect(jsonPath("$.detail", containsString("limit")));
		this.mvc.perform(get("/api/v1/findings").param("severity", "urgent").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("severity"));
		this.mvc.perform(get("/api/v1/findings").param("cursor", "not-a-cursor").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("cursor"));
		this.mvc.perform(get("/api/v1/scans").param("since", "last tuesday").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("since"));
		this.mvc.perform(get("/api/v1/scans/999999").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/scan-not-found"));
		this.mvc.perform(post("/api/v1/clusters/nowhere/scans").with(as(Role.OPERATOR)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(put("/api/v1/clusters/demo/schedule").with(as(Role.ADMIN)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"cron\":\"every hour\",\"enabled\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("cron"));
	}

	@Test
	@Order(6)
	void retentionRemovesOnlyRawFindingsOlderThanTheClustersPeriod() throws Exception {
		this.mvc.perform(put("/api/v1/clusters/demo/schedule").with(as(Role.ADMIN)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"cron\":\"0 0 */6 * * *\",\"enabled\":true,\"findingsRetentionDays\":10}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findingsRetentionDays").value(10));
		Scan latest = latestLanded();
		// an older scan: pretend the first landed scan ran eleven days ago
		long old = this.jdbc.sql("SELECT min(id) FROM scan WHERE state = 'OK'").query(Long.class).single();
		this.jdbc.sql("UPDATE scan SET started_at = started_at - interval '11 days' WHERE id = ?").param(old).update();
		int rollups = count("SELECT count(*) FROM scan_check_rollup WHERE scan_id = ?", old);
		assertThat(count("SELECT count(*) FROM scan_workload_fact WHERE scan_id = ?", old)).isPositive();
		assertThat(count("SELECT count(*) FROM scan_namespace_fact WHERE scan_id = ?", old)).isPositive();
		assertThat(this.retention.apply(Instant.now())).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM scan_finding WHERE scan_id = ?", old)).isZero();
		assertThat(count("SELECT count(*) FROM scan_finding WHERE scan_id = ?", latest.id())).isPositive();
		assertThat(count("SELECT count(*) FROM scan_workload_fact WHERE scan_id = ?", old)).isZero();
		assertThat(count("SELECT count(*) FROM scan_namespace_fact WHERE scan_id = ?", old)).isZero();
		assertThat(count("SELECT count(*) FROM scan_workload_fact WHERE scan_id = ?", latest.id())).isPositive();
		assertThat(count("SELECT count(*) FROM scan_namespace_fact WHERE scan_id = ?", latest.id())).isPositive();
		assertThat(count("SELECT count(*) FROM scan_check_rollup WHERE scan_id = ?", old)).isEqualTo(rollups);
		assertThat(this.scans.get(old).findingsPurgedAt()).isNotNull();
		this.mvc.perform(get("/api/v1/findings").param("scan", String.valueOf(old)).with(as(Role.VIEWER)))
			.andExpect(status().isGone());
		assertThat(this.retention.apply(Instant.now())).as("nothing more to remove").isZero();
	}

	@Test
	@Order(7)
	void aScanWhoseReplicaStoppedIsFailedAndLeavesNothing() {
		long clusterId = this.jdbc.sql("SELECT id FROM cluster WHERE name = 'demo'").query(Long.class).single();
		long id = this.jdbc.sql("""
				INSERT INTO scan (cluster_id, state, trigger, requested_by, started_at, heartbeat_at, instance, phase)
				VALUES (?, 'RUNNING', 'SCHEDULE', 'schedule', now() - interval '10 minutes',
				  now() - interval '9 minutes', 'gone@elsewhere', 'snapshot') RETURNING id
				""").param(clusterId).query(Long.class).single();
		this.jobs.failStaleScans();
		Scan failed = this.scans.get(id);
		assertThat(failed.state()).isEqualTo(ScanState.FAILED);
		assertThat(failed.error()).contains("stopped");
		assertThat(count("SELECT count(*) FROM scan_finding WHERE scan_id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM scan_workload_score WHERE scan_id = ?", id)).isZero();
	}

	@Test
	@Order(8)
	void removingAClusterRemovesItsScansWithTheirFindingsAndFacts() {
		long clusterId = this.jdbc.sql("""
				INSERT INTO cluster (name, display_name, source, created_at, created_by)
				VALUES ('short-lived', 'Short-lived', 'MANIFESTS', now(), 'test') RETURNING id
				""").query(Long.class).single();
		long id = this.jdbc.sql("""
				INSERT INTO scan (cluster_id, state, trigger, requested_by, started_at, heartbeat_at, instance, phase)
				VALUES (?, 'OK', 'MANUAL', 'test', now(), now(), 'here', 'done') RETURNING id
				""").param(clusterId).query(Long.class).single();
		long source = latestLanded().id();
		this.jdbc.sql("""
				INSERT INTO scan_finding (scan_id, seq, subject_id, check_id, severity, container, path, actual)
				SELECT ?, seq, subject_id, check_id, severity, container, path, actual FROM scan_finding WHERE scan_id = ?
				""").params(id, source).update();
		int kept = count("SELECT count(*) FROM scan_finding WHERE scan_id = ?", source);
		assertThat(count("SELECT count(*) FROM scan_finding WHERE scan_id = ?", id)).isEqualTo(kept).isPositive();
		this.jdbc.sql("INSERT INTO scan_workload_fact (scan_id, subject_id, document) "
				+ "SELECT ?, subject_id, document FROM scan_workload_fact WHERE scan_id = ?").params(id, source).update();
		this.jdbc.sql("INSERT INTO scan_namespace_fact (scan_id, namespace, document) "
				+ "SELECT ?, namespace, document FROM scan_namespace_fact WHERE scan_id = ?").params(id, source).update();
		int workloadFacts = count("SELECT count(*) FROM scan_workload_fact WHERE scan_id = ?", source);
		assertThat(count("SELECT count(*) FROM scan_workload_fact WHERE scan_id = ?", id)).isEqualTo(workloadFacts)
			.isPositive();
		assertThat(count("SELECT count(*) FROM scan_namespace_fact WHERE scan_id = ?", id)).isPositive();
		this.jdbc.sql("DELETE FROM cluster WHERE id = ?").param(clusterId).update();
		assertThat(count("SELECT count(*) FROM scan WHERE id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM scan_finding WHERE scan_id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM scan_finding WHERE scan_id = ?", source)).isEqualTo(kept);
		assertThat(count("SELECT count(*) FROM scan_workload_fact WHERE scan_id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM scan_namespace_fact WHERE scan_id = ?", id)).isZero();
		assertThat(count("SELECT count(*) FROM scan_workload_fact WHERE scan_id = ?", source)).isEqualTo(workloadFacts);
	}

	private Scan latestLanded() {
		return this.scans.list(new ScanFilter(List.of("demo"), List.of(ScanState.OK), List.of(), null, null), null, 1)
			.get(0);
	}

	private int count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("scan", role);
	}

}
