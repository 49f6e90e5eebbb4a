package dev.ballast.scan;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.scan.internal.NamespaceFacts;
import dev.ballast.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
 * The namespace and workload pages on a cluster of manifest files (src/test/resources/fixtures/facts):
 * before the first scan they say so; then they show posture, scores, workloads, findings, pods and
 * labels from the latest landed scan; unknown clusters, namespaces and workloads are 404; HTML in
 * labels and annotations stays text; a viewer cannot exempt, an operator can, and the rescan it
 * starts raises the workload's score.
 */
@SpringBootTest(properties = { "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkloadPagesIntegrationTests {

	private static final String CLUSTER = "facts";

	private static final String WEB = "/clusters/facts/workloads/open/Deployment/web";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private History history;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@Order(1)
	void beforeTheFirstScanThePagesSaySo() throws Exception {
		this.jdbc.sql("""
				INSERT INTO cluster (name, display_name, source, manifest_location, created_at, created_by)
				VALUES (?, 'Facts', 'MANIFESTS', ?, now(), 'test') ON CONFLICT DO NOTHING
				""").params(CLUSTER, Path.of("src/test/resources/fixtures/facts").toAbsolutePath().toString()).update();
		this.mvc.perform(get("/clusters/facts/namespaces/open").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not scanned yet")));
		this.mvc.perform(get(WEB).with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not scanned yet")));
		Scan scan = ScanTestSupport.awaitFinished(this.scans,
				this.scans.trigger(CLUSTER, ScanTrigger.API, "test").scanId());
		assertThat(scan.state()).isEqualTo(ScanState.OK);
	}

	@Test
	@Order(2)
	void theNamespacePageShowsPostureScoreWorkloadsAndFindings() throws Exception {
		this.mvc.perform(get("/clusters/facts/namespaces/guarded").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Default-deny ingress")))
			.andExpect(content().string(containsString("restricted")))
			.andExpect(content().string(containsString("compute: limits.memory=8Gi, requests.cpu=4")))
			.andExpect(content().string(containsString("href=\"/clusters/facts/workloads/guarded/Deployment/api\"")));
		MvcResult open = this.mvc.perform(get("/clusters/facts/namespaces/open").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not set")))
			.andExpect(content().string(containsString("href=\"/clusters/facts/workloads/open/Deployment/web\"")))
			.andExpect(content().string(containsString("href=\"/findings?cluster=facts&amp;namespace=open\"")))
			.andExpect(content().string(containsString("data-chart=\"trend\"")))
			.andExpect(content().string(containsString("data-export=\"workloads-open\"")))
			.andReturn();
		NamespaceFacts posture = (NamespaceFacts) open.getModelAndView().getModel().get("posture");
		assertThat(posture.defaultDenyIngress()).isFalse();
		assertThat(posture.networkPolicies()).isEqualTo(2);
	}

	@Test
	@Order(3)
	void unknownClustersNamespacesAndWorkloadsAreNotFound() throws Exception {
		this.mvc.perform(get("/clusters/nowhere/namespaces/open").with(as(Role.VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/facts/namespaces/absent").with(as(Role.VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/nowhere/workloads/open/Deployment/web").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/facts/workloads/open/Deployment/absent").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/facts/workloads/open/StatefulSet/web").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/facts/workloads/guarded/Deployment/web").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound());
	}

	@Test
	@Order(4)
	void theWorkloadPageShowsFindingsPodsAndLabelsAsText() throws Exception {
		this.mvc.perform(get(WEB).with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Findings by category")))
			.andExpect(content().string(containsString("Why it matters")))
			.andExpect(content().string(containsString("node-b")))
			.andExpect(content().string(containsString("zone-b")))
			.andExpect(content().string(containsString("OOMKilled (app)")))
			.andExpect(content().string(containsString("CrashLoopBackOff")))
			.andExpect(content().string(containsString("registry.example/migrate:1")))
			.andExpect(content().string(containsString("web-sa")))
			.andExpect(content().string(containsString("Site/shop")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(containsString("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(containsString("data-chart=\"trend\"")));
		this.mvc.perform(get("/clusters/facts/workloads/open/deployment/web").with(as(Role.VIEWER)))
			.andExpect(status().isOk());
	}

	@Test
	@Order(5)
	void aViewerCannotExempt() throws Exception {
		this.mvc.perform(get(WEB).with(as(Role.VIEWER)))
			.andExpect(content().string(not(containsString("/exemptions\""))));
		this.mvc.perform(post(WEB + "/exemptions").with(as(Role.VIEWER)).with(csrf())
			.param("checkId", "replicas-below-two").param("reason", "viewer"))
			.andExpect(status().isForbidden());
	}

	@Test
	@Order(6)
	void theExemptionFormShowsWhatItRefusesOnTheField() throws Exception {
		String check = firstCountedCheck();
		this.mvc.perform(get(WEB).with(as(Role.OPERATOR)))
			.andExpect(content().string(containsString("action=\"" + WEB + "/exemptions\"")));
		this.mvc.perform(post(WEB + "/exemptions").with(as(Role.OPERATOR)).with(csrf())
			.param("checkId", check).param("reason", " "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("exemptForm", "reason"))
			.andExpect(content().string(containsString("Say why this check does not apply here.")));
		this.mvc.perform(post(WEB + "/exemptions").with(as(Role.OPERATOR)).with(csrf())
			.param("checkId", check).param("reason", "load test").param("until", "2020-01-01"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("exemptForm", "until"))
			.andExpect(content().string(containsString("must not be in the past")));
		this.mvc.perform(post(WEB + "/exemptions").with(as(Role.OPERATOR)).with(csrf())
			.param("checkId", "no-such-check").param("reason", "typo"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("exemptForm", "checkId"))
			.andExpect(content().string(containsString("no-such-check")));
		this.mvc.perform(post("/clusters/facts/workloads/open/Deployment/absent/exemptions").with(as(Role.OPERATOR))
			.with(csrf()).param("checkId", check).param("reason", "absent"))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT count(*) FROM check_exemption WHERE cluster = ?").param(CLUSTER)
			.query(Integer.class).single()).isZero();
	}

	@Test
	@Order(7)
	void anOperatorsExemptionStartsAScanThatRaisesTheScore() throws Exception {
		int before = webScore();
		String check = firstCountedCheck();
		String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
		MockHttpSession session = new MockHttpSession();
		MvcResult result = this.mvc.perform(post(WEB + "/exemptions").with(as(Role.OPERATOR)).with(csrf()).session(session)
			.param("checkId", check).param("reason", "<b>vendor</b> image").param("until", until))
			.andExpect(redirectedUrl(WEB))
			.andExpect(flash().attribute("flashMessage", "workload.flash.exempted"))
			.andReturn();
		long scanId = (Long) result.getFlashMap().get("exemptionScan");
		// the redirect's page, in the same session: the flash names the scan and links to its progress
		this.mvc.perform(get(WEB).with(as(Role.OPERATOR)).session(session).cookie(result.getResponse().getCookies()))
			.andExpect(content().string(containsString("The exemption is saved.")))
			.andExpect(content().string(containsString("href=\"/scans/" + scanId + "\"")));
		Scan rescan = ScanTestSupport.awaitFinished(this.scans, scanId);
		assertThat(rescan.state()).isEqualTo(ScanState.OK);
		assertThat(webScore()).isGreaterThan(before);
		this.mvc.perform(get(WEB).with(as(Role.VIEWER)))
			.andExpect(content().string(allOf(containsString("Exempted findings"),
					containsString("&lt;b&gt;vendor&lt;/b&gt; image (page-operator) until"))));
	}

	private String firstCountedCheck() {
		return this.history.findings(new FindingQuery(CLUSTER, null, "open", "web", "Deployment", List.of(),
				List.of("danger", "warning"), "failing"), null, 1).items().get(0).check();
	}

	private int webScore() {
		return this.history.scores(CLUSTER, null, "workload", "open")
			.stream()
			.filter((row) -> "web".equals(row.name()))
			.findFirst()
			.orElseThrow()
			.score();
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("page", role);
	}

}
