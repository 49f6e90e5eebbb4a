package dev.ballast.scan;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CIDR page and API on the demo cluster: before a scan, the capacity once one landed (hand
 * computed below), the planner and its field errors, the overrides applied without a rescan, and
 * the forecast from two scans ten days apart.
 * <p>
 * Demo: kubeadm podSubnet 10.244.0.0/20, node-cidr-mask-size 26 → 2^(26−20) = 64 blocks; 12 nodes
 * hold one each → 52 can join. 60 pods hold a pod IP (101 − 38 host network − 2 Succeeded − 1
 * Pending). serviceSubnet 10.96.0.0/22 → 1024 − 2 = 1022 assignable, 21 used, 1001 left.
 */
// a context (and database) of its own: the tests count the scans they run
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "spring.application.name=cidr-pages-tests" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CidrPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@Order(1)
	void beforeTheFirstScanThePageSaysSo() throws Exception {
		this.mvc.perform(get("/clusters/demo/cidr").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No scan has landed yet")));
		this.mvc.perform(get("/api/v1/clusters/demo/cidr").with(as(Role.VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/nowhere/cidr").with(as(Role.VIEWER))).andExpect(status().isNotFound());
	}

	@Test
	@Order(2)
	void answersWhenThePodIpsRunOut() throws Exception {
		ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "t").scanId());
		this.mvc.perform(get("/clusters/demo/cidr").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("52 more nodes can join")))
			.andExpect(content().string(containsString("12 / 64")))
			.andExpect(content().string(containsString("60 / 732")))
			.andExpect(content().string(containsString("21 / 1,022")))
			.andExpect(content().string(containsString("10.244.0.0/20")))
			.andExpect(content().string(containsString("DaemonSet kube-system/kube-flannel-ds")))
			.andExpect(content().string(containsString("Free blocks = 64 − 0 carved − 12 held by nodes = 52")))
			.andExpect(content().string(containsString("No node growth recorded")))
			// a VIEWER sees the overrides but cannot edit them
			.andExpect(content().string(not(containsString("action=\"/clusters/demo/cidr/overrides\""))));
		this.mvc.perform(get("/api/v1/clusters/demo/cidr").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.capacity.nodesCanJoin").value(52))
			.andExpect(jsonPath("$.capacity.families[0].blocksTotal").value(64))
			.andExpect(jsonPath("$.capacity.families[0].serviceIpsFree").value(1001))
			.andExpect(jsonPath("$.usage.podIps").value(60))
			.andExpect(jsonPath("$.plugin.name").value("flannel"))
			.andExpect(jsonPath("$.nodes.length()").value(12));
	}

	@Test
	@Order(3)
	void plansAndRefusesBadInput() throws Exception {
		// 60 nodes × 30 pods, 100 %: /26 blocks (2 × 30 → 64), 120 blocks → 128 = 2^7 → /19; the demo's /20 holds 64
		this.mvc.perform(get("/clusters/demo/cidr").param("nodes", "60").param("podsPerNode", "30").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A /19 cluster CIDR with /26 node blocks: 128 nodes")))
			.andExpect(content().string(containsString("The current pod range 10.244.0.0/20 holds only 64 nodes")));
		this.mvc.perform(get("/clusters/demo/cidr").param("nodes", "lots").param("podsPerNode", "0").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a whole number from 1 to 100,000.")))
			.andExpect(content().string(containsString("Enter a whole number from 1 to 2,048.")));
		this.mvc.perform(get("/api/v1/clusters/demo/cidr/plan").param("nodes", "60").param("podsPerNode", "30")
			.with(as(Role.VIEWER))).andExpect(status().isOk()).andExpect(jsonPath("$.clusterPrefix").value(19));
		this.mvc.perform(get("/api/v1/clusters/demo/cidr/plan").param("nodes", "-1").param("podsPerNode", "30")
			.with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("nodes"));
	}

	@Test
	@Order(4)
	void appliesOverridesWithoutARescan() throws Exception {
		this.mvc.perform(post("/clusters/demo/cidr/overrides").param("podCidrs", "10.244.0.1/16")
			.param("serviceCidrs", "10.240.0.0/12")
			.with(as(Role.ADMIN))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not a CIDR: host bits are set; the block is 10.244.0.0/16.")));
		// a /19 with /26 blocks: 2^7 = 128 blocks − 12 = 116
		this.mvc.perform(post("/clusters/demo/cidr/overrides").param("podCidrs", "10.244.0.0/19")
			.with(as(Role.ADMIN))
			.with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/clusters/demo/cidr"));
		this.mvc.perform(get("/clusters/demo/cidr").with(as(Role.ADMIN)))
			.andExpect(content().string(containsString("116 more nodes can join")))
			.andExpect(content().string(containsString("Set by dash-admin")));
		this.mvc.perform(put("/api/v1/clusters/demo/cidr/overrides").with(as(Role.ADMIN))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"podCidrs\":\"10.96.0.0/16\",\"serviceCidrs\":\"10.96.0.0/12\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/invalid-network-overrides"))
			.andExpect(jsonPath("$.errors[0].field").value("serviceCidrs"));
		this.mvc.perform(put("/api/v1/clusters/demo/cidr/overrides").with(as(Role.ADMIN))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"maxPods\":30}")).andExpect(status().isOk()).andExpect(jsonPath("$.maxPods").value(30));
		// maxPods 30 < 61 per /26: 12 × 30 = 360
		this.mvc.perform(get("/api/v1/clusters/demo/cidr").with(as(Role.VIEWER)))
			.andExpect(jsonPath("$.capacity.podIpsLimit").value(360))
			.andExpect(jsonPath("$.capacity.nodesCanJoin").value(52));
		// another mode: no node blocks bound the nodes, the page says what it can still tell
		for (String[] mode : new String[][] { { "VPC_NATIVE", "Pods take VPC addresses here" },
				{ "UNKNOWN", "Ballast cannot tell how many nodes can join" } }) {
			this.mvc.perform(put("/api/v1/clusters/demo/cidr/overrides").with(as(Role.ADMIN))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"" + mode[0] + "\"}")).andExpect(status().isOk());
			this.mvc.perform(get("/clusters/demo/cidr").with(as(Role.VIEWER)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(mode[1])))
				.andExpect(content().string(not(containsString("more nodes can join"))));
		}
		this.mvc.perform(delete("/api/v1/clusters/demo/cidr/overrides").with(as(Role.ADMIN)).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/clusters/demo/cidr").with(as(Role.VIEWER)))
			.andExpect(jsonPath("$.capacity.podIpsLimit").value(732));
	}

	@Test
	@Order(5)
	void forecastsFromTheHistory() throws Exception {
		// The first scan moved ten days back with 2 nodes: (12 − 2) / 10 = 1 node a day; 52 blocks → 52 days
		long first = this.jdbc.sql("SELECT min(id) FROM scan").query(Long.class).single();
		this.jdbc.sql("UPDATE scan SET started_at = started_at - interval '10 days' WHERE id = ?").param(first).update();
		this.jdbc.sql("UPDATE scan_analysis SET document = jsonb_set(document, '{usage,nodes}', '2') WHERE scan_id = ? AND kind = 'network'")
			.param(first)
			.update();
		ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "t").scanId());
		this.mvc.perform(get("/clusters/demo/cidr").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("Nodes grow by 1.00 a day (fitted to 2 scans): the free node blocks last 52 days")))
			.andExpect(content().string(containsString("data-chart=\"trend\"")));
		this.mvc.perform(get("/api/v1/clusters/demo/cidr").with(as(Role.VIEWER)))
			.andExpect(jsonPath("$.forecast.nodes.perDay").value(org.hamcrest.Matchers.closeTo(1.0, 0.01)))
			.andExpect(jsonPath("$.forecast.samples.length()").value(2));
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("dash", role);
	}

}
