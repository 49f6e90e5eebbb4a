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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The isolation pages and API on the demo cluster: empty before a scan; then posture, the flannel
 * finding, the matrix for a port, "can shop reach payments" with the deciding policies, field
 * errors on the page and 400 problems in the API for bad input, 404 for an unknown cluster.
 */
// a context (and database) of its own: the tests count the scans they run
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "spring.application.name=isolation-pages-tests" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Test
	@Order(1)
	void beforeTheFirstScanThePageSaysSoAndTheApiIs404() throws Exception {
		this.mvc.perform(get("/clusters/demo/isolation").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No scan has landed yet")));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/no-scan"));
	}

	@Test
	@Order(2)
	void afterAScanThePageShowsPostureFindingsAndTheMatrix() throws Exception {
		ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "t").scanId());
		this.mvc.perform(get("/clusters/demo/isolation").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Namespace posture")))
			.andExpect(content().string(containsString("The network plugin (flannel) does not enforce NetworkPolicy: the 5 policies exist but do nothing")))
			.andExpect(content().string(containsString("selects no pod (pod selector app=batch-settlement)")))
			.andExpect(content().string(containsString("Who can reach whom on 80/TCP")))
			.andExpect(content().string(containsString("data-export=\"isolation-matrix\"")))
			.andExpect(content().string(containsString("svc.cluster.local")))
			.andExpect(content().string(containsString("production in default (information)")));
	}

	@Test
	@Order(3)
	void shopReachesPaymentsApiOn8443Only() throws Exception {
		// shop: 22 pods; payments: 7, of which payments-api 3: 22 x 3 = 66 of 22 x 7 = 154 pairs.
		this.mvc.perform(get("/clusters/demo/isolation/reach?from=shop&to=payments&port=8443").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Can shop reach payments on 8443/TCP?")))
			.andExpect(content().string(containsString("66 of 154 pod pairs are allowed.")))
			.andExpect(content().string(containsString("allow-shop-to-payments-api")));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/reach?from=shop&to=payments&port=8443").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enforcement").value("NOT_ENFORCED"))
			.andExpect(jsonPath("$.answer.allowedPairs").value(66))
			.andExpect(jsonPath("$.answer.pairs").value(154))
			.andExpect(jsonPath("$.answer.rows[0].ingress.allowedBy[0]").value("allow-shop-to-payments-api"));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/reach?from=shop&to=payments&port=80").with(as(Role.VIEWER)))
			.andExpect(jsonPath("$.answer.allowedPairs").value(0))
			.andExpect(jsonPath("$.answer.rows[0].ingress.selectedBy", hasItems("default-deny-all")));
	}

	@Test
	@Order(4)
	void theApiGivesPostureAndTheMatrix() throws Exception {
		this.mvc.perform(get("/api/v1/clusters/demo/isolation").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cni.plugins[0]").value("flannel"))
			.andExpect(jsonPath("$.findings[0].code").value("not-enforced"))
			.andExpect(jsonPath("$.namespaces[?(@.name == 'payments')].defaultDenyIngress").value(true));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/reachability?port=8443&ns=shop&ns=payments").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.matrix.rows[0]").value("payments"))
			.andExpect(jsonPath("$.matrix.cells[1][0].allowed").value(66));
	}

	@Test
	@Order(5)
	void theMatrixDownloadsAsSvgAndPng() throws Exception {
		this.mvc.perform(get("/clusters/demo/isolation/matrix.svg?port=8443&ns=shop&ns=payments").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andExpect(content().string(containsString("<title>Reachability on 8443/TCP — demo</title>")))
			// shop -> payments: 66 of 154 pairs = 42 %.
			.andExpect(content().string(containsString(">42%</text>")));
		this.mvc.perform(get("/clusters/demo/isolation/matrix.png").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"));
		this.mvc.perform(get("/clusters/demo/isolation/matrix.svg?port=0").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest());
	}

	@Test
	@Order(6)
	void badInputIsAFieldErrorOnThePageAndA400InTheApi() throws Exception {
		this.mvc.perform(get("/clusters/demo/isolation?port=99999&protocol=ICMP").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A port is a whole number from 1 to 65535.")))
			.andExpect(content().string(containsString("The protocol is TCP, UDP or SCTP.")));
		this.mvc.perform(get("/clusters/demo/isolation/reach?from=nowhere&to=shop").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The scan holds no namespace “nowhere”.")))
			.andExpect(content().string(not(containsString("pod pairs are allowed"))));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/reachability?port=abc").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("port"));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/reach?from=shop").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("to"));
		this.mvc.perform(get("/clusters/nowhere/isolation").with(as(Role.VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/clusters/nowhere/isolation").with(as(Role.VIEWER))).andExpect(status().isNotFound());
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("iso", role);
	}

}
