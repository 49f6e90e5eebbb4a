package dev.ballast.scan;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The taint map on the demo cluster: the empty state before a scan, the matrix, findings and
 * unschedulable pod after one, filters and their errors, one node's page, the API and the images.
 */
// a context (and database) of its own: the tests count the scans they run
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "spring.application.name=taint-pages-tests" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaintPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Test
	@Order(1)
	void beforeTheFirstScanThePageAndTheApiSaySo() throws Exception {
		this.mvc.perform(get("/clusters/demo/taints").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No scan has landed yet")));
		this.mvc.perform(get("/api/v1/clusters/demo/taints").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	@Order(2)
	void afterAScanTheMatrixSaysWhatRunsWhereAndWhy() throws Exception {
		ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "t").scanId());
		this.mvc.perform(get("/clusters/demo/taints").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Taint map — Demo cluster")))
			// 12 nodes in 5 groups: general, gpu untainted, gpu tainted, highio, legacy
			.andExpect(content().string(containsString("in 5 groups")))
			.andExpect(content().string(containsString("just-for-gpu-application=true:NoExecute")))
			.andExpect(content().string(containsString("dedicated=mysql:NoSchedule")))
			.andExpect(content().string(containsString("Node gpu-1 offers nvidia.com/gpu")))
			.andExpect(content().string(containsString("shop/Deployment/image-resizer")))
			// legacy-2: 900m - 300m = 600m CPU and 1300Mi - 434Mi = 866Mi memory left
			.andExpect(content().string(containsString("cpu: 700m &gt; 600m; memory: 1536Mi &gt; 866Mi")))
			.andExpect(content().string(containsString("May run here: tolerates dedicated=mysql:NoSchedule.")))
			.andExpect(content().string(containsString("data-export=\"taint-matrix-demo\"")))
			.andExpect(content().string(containsString("href=\"/clusters/demo/taints/nodes/gpu-1\"")));
	}

	@Test
	@Order(3)
	void filtersNarrowTheMatrixAndBadValuesAreFieldErrors() throws Exception {
		this.mvc.perform(get("/clusters/demo/taints").param("namespace", "ml").param("effect", "NoExecute").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ml/model-serving")))
			.andExpect(content().string(not(containsString("shop/cart"))))
			;
		this.mvc.perform(get("/clusters/demo/taints").param("effect", "Sometimes").param("pool", "nope").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Unknown effect Sometimes")))
			.andExpect(content().string(containsString("No node of the scan is in pool nope.")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
	}

	@Test
	@Order(4)
	void aNodesPageSaysWhatRunsThereAndWhy() throws Exception {
		this.mvc.perform(get("/clusters/demo/taints/nodes/gpu-2").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("just-for-gpu-application=true:NoExecute")))
			.andExpect(content().string(containsString("ml/model-serving")))
			.andExpect(content().string(containsString("May run here: tolerates just-for-gpu-application=true:NoExecute.")));
		this.mvc.perform(get("/clusters/demo/taints/nodes/legacy-1").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("MemoryPressure=True")));
		this.mvc.perform(get("/clusters/demo/taints/nodes/nowhere").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/nocluster/taints").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound());
	}

	@Test
	@Order(5)
	void theApiServesTheMapOneNodeAndProblems() throws Exception {
		this.mvc.perform(get("/api/v1/clusters/demo/taints").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.taints.totals.nodes").value(12))
			.andExpect(jsonPath("$.taints.groups", hasSize(5)))
			.andExpect(jsonPath("$.taints.groups[2].taints[0].text").value("just-for-gpu-application=true:NoExecute"))
			.andExpect(jsonPath("$.taints.findings[0].id").value("unschedulable-pod"));
		this.mvc.perform(get("/api/v1/clusters/demo/taints").param("pool", "gpu").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.taints.groups", hasSize(2)))
			.andExpect(jsonPath("$.taints.profiles[0].cells", hasSize(2)));
		this.mvc.perform(get("/api/v1/clusters/demo/taints").param("effect", "Sometimes").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("effect"));
		this.mvc.perform(get("/api/v1/clusters/demo/taints/nodes/gpu-1").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.group.special[0]").value("nvidia.com/gpu"))
			.andExpect(jsonPath("$.runs[?(@.name == 'notebook')].cell.verdict").value("ALLOWED"));
		this.mvc.perform(get("/api/v1/clusters/demo/taints/nodes/nowhere").with(as(Role.VIEWER)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/node-not-found"));
	}

	@Test
	@Order(6)
	void theMatrixIsAnSvgAndAPng() throws Exception {
		this.mvc.perform(get("/clusters/demo/taints/matrix.svg").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("image/svg+xml")))
			.andExpect(content().string(startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")))
			.andExpect(content().string(containsString("just-for-gpu-application=true:NoExecute")))
			.andExpect(content().string(containsString("shop/StatefulSet/mysql")));
		byte[] png = this.mvc.perform(get("/clusters/demo/taints/matrix.png").param("pool", "gpu").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		org.assertj.core.api.Assertions.assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		this.mvc.perform(get("/clusters/demo/taints/matrix.svg").param("effect", "Sometimes").with(as(Role.VIEWER)))
			.andExpect(status().isBadRequest());
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("taints", role);
	}

}
