package dev.ballast.scan;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The node sizing page and API on the demo cluster: before a scan, the pools and the reserve
 * beside the TKE model, blast radius, the what-if (defaults, a query, bad values) and the API.
 */
// a context (and database) of its own: the tests count the scans they run
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "spring.application.name=sizing-pages-tests" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SizingPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Test
	@Order(1)
	void beforeAScanThePageAndTheApiSaySo() throws Exception {
		this.mvc.perform(get("/clusters/demo/sizing").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No scan has landed yet")))
			.andExpect(content().string(not(containsString("What the system keeps back"))));
		this.mvc.perform(get("/api/v1/clusters/demo/sizing").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/no-scan"));
	}

	@Test
	@Order(2)
	void afterAScanThePageShowsPoolsReserveAndBlastRadius() throws Exception {
		ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "t").scanId());
		this.mvc.perform(get("/clusters/demo/sizing").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("No scan has landed yet"))))
			.andExpect(content().string(containsString("ballast.dev/pool on the first node")))
			// legacy: S2.SMALL2, 1 core / 2 GiB; 2048 - 1300 = 748 MiB kept back (36.5 %), TKE predicts
			// 512 + 100 = 612 MiB (29.9 %)
			.andExpect(content().string(containsString("748 MiB (36.5 %)")))
			.andExpect(content().string(containsString("612 MiB (29.9 %)")))
			.andExpect(content().string(containsString("S2.SMALL2")))
			.andExpect(content().string(containsString(">tiny<")))
			// elasticsearch: 3 replicas all on general-c-1
			.andExpect(content().string(containsString("logging/StatefulSet/elasticsearch")))
			.andExpect(content().string(containsString("on general-c-1")))
			.andExpect(content().string(containsString("https://www.tencentcloud.com/document/product/457/48777")))
			.andExpect(content().string(containsString("data-export=\"sizing-pools\"")));
	}

	@Test
	@Order(3)
	void theWhatIfPacksTheLegacyPoolAndShowsWhatDoesNotFit() throws Exception {
		this.mvc.perform(get("/clusters/demo/sizing").param("pool", "legacy")
			.param("cores", "1", "4", "")
			.param("memory", "2", "16", "")
			.param("maxPods", "61", "61", "")
			.param("model", "TKE", "TKE", "")
			.with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1.0 cores / 2.0 GiB, 61 pods, TKE")))
			.andExpect(content().string(containsString("4.0 cores / 16.0 GiB, 61 pods, TKE")))
			.andExpect(content().string(containsString("shop/Deployment/image-resizer")));
		// the same through the API: 1 core / 2 GiB (TKE) leaves 900 m - 200 m DaemonSets = 700 m and
		// 2048 - 612 - 178 = 1258 MiB; image-resizer (700 m, 1536 MiB) fits nowhere; legacy-portal
		// (300 m, 768 MiB) then session-gateway 2 × (100 m, 256 MiB): node 1 takes the portal and one
		// gateway (490 MiB left), node 2 the other: 2 nodes
		this.mvc.perform(get("/api/v1/clusters/demo/sizing/what-if").param("pool", "legacy")
			.param("cores", "1")
			.param("memory", "2")
			.param("maxPods", "61")
			.param("model", "TKE")
			.with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pool").value("legacy"))
			.andExpect(jsonPath("$.results[0].nodes").value(2))
			.andExpect(jsonPath("$.results[0].largestPod.cpuMillis").value(700))
			.andExpect(jsonPath("$.results[0].largestPod.memoryBytes").value(1258L * 1024 * 1024))
			.andExpect(jsonPath("$.results[0].doesNotFit[0].workload").value("shop/Deployment/image-resizer"))
			.andExpect(jsonPath("$.results[0].tooSmall[0]").value("default/Deployment/legacy-portal"))
			.andExpect(jsonPath("$.results[0].worstShare").value(0.5));
	}

	@Test
	@Order(4)
	void badWhatIfValuesAreFieldErrorsOnThePageAndProblemsInTheApi() throws Exception {
		this.mvc.perform(get("/clusters/demo/sizing").param("cores", "zero").param("memory", "-4").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cores: a number from 0.5 to 1024.")))
			.andExpect(content().string(containsString("Memory: GiB from 0.5 to 16384.")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		// an unknown pool: the form keeps the largest pool, marks the field, and packs nothing
		this.mvc.perform(get("/clusters/demo/sizing").param("pool", "nope").param("cores", "4").param("memory", "16")
			.with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pool: no pool of this cluster has that name")))
			.andExpect(content().string(containsString("aria-describedby=\"whatif-pool-error\"")));
		this.mvc.perform(get("/clusters/demo/sizing").param("pool", "legacy").param("cores", "4").param("memory", "16")
			.with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("whatif-pool-error"))));
		this.mvc.perform(get("/api/v1/clusters/demo/sizing/what-if").param("cores", "4").param("memory", "lots")
			.with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("memory"));
		this.mvc.perform(get("/api/v1/clusters/demo/sizing/what-if").param("pool", "nope").param("cores", "4")
			.param("memory", "16")
			.with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("pool"));
	}

	@Test
	@Order(5)
	void theApiAnswersTheStoredAnalysisAndUnknownClustersAre404() throws Exception {
		this.mvc.perform(get("/api/v1/clusters/demo/sizing").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sizing.poolLabel").value("ballast.dev/pool"))
			.andExpect(jsonPath("$.sizing.pools[0].name").value("general"))
			.andExpect(jsonPath("$.sizing.pools[0].nodes").value(6))
			.andExpect(jsonPath("$.sizing.pools[0].model").value("TKE"))
			.andExpect(jsonPath("$.sizing.exposure.singleNodeTotal").value(3));
		this.mvc.perform(get("/clusters/nope/sizing").with(as(Role.VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/clusters/nope/sizing").with(as(Role.VIEWER))).andExpect(status().isNotFound());
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("sizing", role);
	}

}
