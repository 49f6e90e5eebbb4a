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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The RBAC page and API on the demo cluster: before and after a scan, "who can delete namespace
 * shop?", a subject's permissions, Kubernetes' own subjects on demand, bad input and unknown
 * subjects.
 */
// a context (and database) of its own: the tests count the scans they run
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "spring.application.name=rbac-pages-tests" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RbacPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Test
	@Order(1)
	void beforeTheFirstScanThePageSaysSoAndTheApiIs404() throws Exception {
		this.mvc.perform(get("/clusters/demo/isolation/rbac").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No scan has landed yet")));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/rbac").with(viewer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/no-scan"));
	}

	@Test
	@Order(2)
	void theRiskySubjectsOfTheDemo() throws Exception {
		ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "t").scanId());
		// alice (cluster-admin), gitlab-ci (ci-deployer) and registry-puller (edit in shop); system:masters hidden
		this.mvc.perform(get("/clusters/demo/isolation/rbac").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("RBAC: who can delete what")))
			.andExpect(content().string(containsString("User/alice@example.com")))
			.andExpect(content().string(containsString("ServiceAccount/default/gitlab-ci")))
			.andExpect(content().string(containsString("CI/CD with delete rights")))
			.andExpect(content().string(containsString("image-pull account with more rights")))
			.andExpect(content().string(containsString("data-export=\"rbac-risky-subjects\"")))
			// system:masters through the cluster-admin binding: all 12 catalogue risks, hidden
			.andExpect(content().string(containsString("own subjects (12 findings hidden)")));
		this.mvc.perform(get("/clusters/demo/isolation/rbac").param("system", "true").with(viewer()))
			.andExpect(content().string(containsString("own subjects</a>")))
			.andExpect(content().string(not(containsString("findings hidden"))));
	}

	@Test
	@Order(3)
	void whoCanDeleteNamespaceShop() throws Exception {
		this.mvc.perform(get("/clusters/demo/isolation/rbac").param("verb", "delete").param("resource", "namespaces")
			.param("name", "shop").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Who can delete namespaces: 3 answers")))
			.andExpect(content().string(containsString("(named shop)")))
			.andExpect(content().string(containsString("ClusterRoleBinding/gitlab-ci-deployer")));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/rbac/who-can").param("verb", "delete")
			.param("resource", "namespaces").param("name", "shop").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answers", hasSize(3)))
			.andExpect(jsonPath("$.answers[0].subject").value("Group/system:masters"))
			.andExpect(jsonPath("$.answers[1].subject").value("ServiceAccount/default/gitlab-ci"))
			.andExpect(jsonPath("$.answers[1].role").value("ClusterRole/ci-deployer"))
			.andExpect(jsonPath("$.answers[2].subject").value("User/alice@example.com"));
		// shop-developers read pods in shop, and may not delete them
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/rbac/who-can").param("verb", "get")
			.param("resource", "pods").param("namespace", "shop").with(viewer()))
			.andExpect(jsonPath("$.answers[?(@.subject == 'Group/shop-developers')]", hasSize(1)));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/rbac/who-can").param("verb", "delete")
			.param("resource", "pods").param("namespace", "shop").with(viewer()))
			.andExpect(jsonPath("$.answers[?(@.subject == 'Group/shop-developers')]", hasSize(0)))
			.andExpect(jsonPath("$.answers[?(@.subject == 'ServiceAccount/shop/registry-puller')]", hasSize(1)));
	}

	@Test
	@Order(4)
	void aSubjectsPermissions() throws Exception {
		this.mvc.perform(get("/clusters/demo/isolation/rbac").param("subject", "ServiceAccount/shop/registry-puller")
			.with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Permissions of ServiceAccount/shop/registry-puller")))
			.andExpect(content().string(containsString("RoleBinding/shop/registry-puller-edit")));
		this.mvc.perform(get("/clusters/demo/isolation/rbac").param("subject", "User/nobody").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No binding names this subject")));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/rbac/permissions").param("subject", "User/alice@example.com")
			.with(viewer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.permissions[0].role").value("ClusterRole/cluster-admin"));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/rbac/permissions").param("subject", "User/nobody")
			.with(viewer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/rbac-subject-not-found"));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/rbac").with(viewer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rbac.serviceAccounts").value(15));
	}

	@Test
	@Order(5)
	void badInputIsAFieldErrorOrA400() throws Exception {
		this.mvc.perform(get("/clusters/demo/isolation/rbac").param("verb", "DELETE!").param("resource", "")
			.with(viewer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A verb is lower-case letters or *.")))
			.andExpect(content().string(containsString("Required.")))
			.andExpect(content().string(not(containsString("answers</h3>"))));
		this.mvc.perform(get("/api/v1/clusters/demo/isolation/rbac/who-can").param("verb", "delete")
			.param("resource", "namespaces").param("namespace", "Not_A_Namespace").with(viewer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("namespace"));
		this.mvc.perform(get("/clusters/nope/isolation/rbac").with(viewer())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/clusters/nope/isolation/rbac").with(viewer())).andExpect(status().isNotFound());
	}

	private static RequestPostProcessor viewer() {
		return ScanTestSupport.signedIn("rbac", Role.VIEWER);
	}

}
