package dev.ballast.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dev.ballast.checks.CheckDefinition;
import dev.ballast.scan.FindingsPageController.Shown;
import dev.ballast.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The findings explorer on the demo cluster: before a scan it says how findings appear; each
 * filter narrows the findings and a filter nothing matches says so; pages follow a cursor; the
 * export links carry the page's filter and answer the same findings; a value the filter cannot
 * use is shown on its field in a 200 page, never a failed one; custom checks are offered and linked.
 */
@SpringBootTest(properties = { "ballast.demo=true", "ballast.security.admin-password=first-admin-password-42",
		"ballast.scan.scheduled=false", "spring.application.name=findings-explorer-tests" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FindingsExplorerIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@Order(1)
	void beforeAnyScanSaysHowFindingsAppear() throws Exception {
		this.mvc.perform(get("/findings").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No scans yet")))
			.andExpect(content().string(not(containsString("explorer-table"))));
		this.mvc.perform(get("/findings")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	@Order(2)
	void aViewerReadsTheFindingsOfTheLatestScan() throws Exception {
		Scan scan = ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "test").scanId());
		assertThat(scan.state().landed()).isTrue();
		List<Shown> shown = shown(this.mvc.perform(get("/findings").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"data-table table-stack explorer-table\" data-sortable data-export=\"findings\"")))
			.andExpect(content().string(containsString("href=\"/scans/" + scan.id() + "\"")))
			.andExpect(content().string(containsString("href=\"/checks#check-")))
			.andExpect(content().string(containsString("href=\"/clusters/demo/workloads/")))
			.andReturn());
		assertThat(shown).isNotEmpty().allSatisfy((finding) -> assertThat(finding.row().exempted()).isFalse());
	}

	@Test
	@Order(3)
	void severityNarrowsTheFindings() throws Exception {
		List<Shown> all = shown(get("/findings?state=all"));
		Set<String> severities = new HashSet<>();
		all.forEach((finding) -> severities.add(finding.row().severity()));
		assertThat(severities).as("the demo cluster fails checks of more than one severity").hasSizeGreaterThan(1);
		String one = all.get(0).row().severity();
		assertThat(shown(get("/findings?state=all&severity=" + one))).isNotEmpty()
			.allSatisfy((finding) -> assertThat(finding.row().severity()).isEqualTo(one));
		String others = String.join(",", FindingsFilter.SEVERITIES.stream().filter((s) -> !s.equals(one)).toList());
		assertThat(shown(get("/findings?state=all&severity=" + others))).isNotEmpty()
			.allSatisfy((finding) -> assertThat(finding.row().severity()).isNotEqualTo(one));
		assertThat(shown(get("/findings?state=all&severity=danger&severity=warning&severity=info"))).isEqualTo(all);
	}

	@Test
	@Order(4)
	void checkNamespaceKindAndNameNarrowTheFindings() throws Exception {
		FindingRow first = inANamespace();
		assertThat(shown(get("/findings?check=" + first.check()))).isNotEmpty()
			.allSatisfy((finding) -> assertThat(finding.row().check()).isEqualTo(first.check()));
		assertThat(shown(get("/findings?namespace=" + first.namespace()))).isNotEmpty()
			.allSatisfy((finding) -> assertThat(finding.row().namespace()).isEqualTo(first.namespace()));
		assertThat(shown(get("/findings?kind=" + first.kind() + "&workload=" + first.name()))).isNotEmpty()
			.allSatisfy((finding) -> assertThat(finding.row().name()).isEqualTo(first.name()));
		assertThat(shown(get("/findings?cluster=demo"))).isNotEmpty();
		this.mvc.perform(get("/findings?namespace=no-such-namespace").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("findings", List.of()))
			.andExpect(content().string(containsString("No findings match this filter")))
			.andExpect(content().string(containsString("value=\"no-such-namespace\"")));
	}

	@Test
	@Order(5)
	void newAndFixedCompareWithThePreviousScan() throws Exception {
		int failing = shown(get("/findings")).size();
		assertThat(shown(get("/findings?state=new"))).as("the first scan: everything is new").hasSize(failing);
		ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "test").scanId());
		assertThat(shown(get("/findings?state=new"))).as("the same cluster scanned twice").isEmpty();
		assertThat(shown(get("/findings?state=fixed"))).isEmpty();
		assertThat(shown(get("/findings"))).hasSize(failing);
	}

	@Test
	@Order(6)
	void pagesFollowTheCursorAndKeepTheFilter() throws Exception {
		List<Shown> first = shown(get("/findings?state=all"));
		assertThat(first).as("the demo cluster fills more than one page").hasSize(FindingsPageController.PAGE_SIZE);
		MvcResult page = this.mvc.perform(get("/findings?state=all").with(as(Role.VIEWER))).andReturn();
		String next = (String) page.getModelAndView().getModel().get("nextPage");
		assertThat(next).startsWith("/findings?state=all&cursor=");
		assertThat(page.getResponse().getContentAsString()).contains("href=\"" + HtmlUtils.htmlEscape(next) + "\"")
			.doesNotContain(">First page<");
		List<Shown> second = shown(this.mvc.perform(get(next).with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/findings?state=all\"")))
			.andExpect(content().string(containsString(">First page<")))
			.andReturn());
		assertThat(second).isNotEmpty();
		List<FindingRow> rows = new ArrayList<>();
		first.forEach((finding) -> rows.add(finding.row()));
		second.forEach((finding) -> assertThat(rows).doesNotContain(finding.row()));
	}

	@Test
	@Order(7)
	void exportLinksCarryTheFilterAndAnswerTheSameFindings() throws Exception {
		FindingRow first = inANamespace();
		String filter = "cluster=demo&namespace=" + first.namespace() + "&severity=" + first.severity();
		MvcResult page = this.mvc.perform(get("/findings?" + filter).with(as(Role.VIEWER))).andReturn();
		String csv = (String) page.getModelAndView().getModel().get("exportCsv");
		String json = (String) page.getModelAndView().getModel().get("exportJson");
		assertThat(csv).isEqualTo("/api/v1/findings?" + filter + "&limit=1000&format=csv");
		assertThat(json).isEqualTo("/api/v1/findings?" + filter + "&limit=1000&format=json");
		assertThat(page.getResponse().getContentAsString()).contains("href=\"" + HtmlUtils.htmlEscape(csv) + "\"");
		int shown = shown(page).size();
		String body = this.mvc.perform(get(csv).with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> lines = body.lines().toList();
		assertThat(lines).hasSize(shown + 1).first().asString().contains("check");
		assertThat(lines.subList(1, lines.size())).allSatisfy((line) -> assertThat(line).contains(first.namespace()));
		this.mvc.perform(get(json).with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"items\"")));
		assertThat(shown(get("/findings?severity=danger,warning"))).isNotEmpty();
		assertThat(this.mvc.perform(get("/findings?severity=danger&severity=warning").param("namespace", "a&b").with(as(Role.VIEWER)))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("exportCsv")).isEqualTo("/api/v1/findings?namespace=a%26b&severity=danger%2Cwarning&limit=1000&format=csv");
	}

	@Test
	@Order(8)
	void badFilterValuesAreShownOnTheirFieldsNotAFailedPage() throws Exception {
		this.mvc.perform(get("/findings?severity=bogus&state=sideways&namespace=shop").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(model().attributeDoesNotExist("findings"))
			.andExpect(content().string(containsString("Some filter values cannot be used")))
			.andExpect(content().string(containsString("is not a severity")))
			.andExpect(content().string(containsString("is not a state")))
			.andExpect(content().string(containsString("value=\"shop\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		this.mvc.perform(get("/findings?cluster=nowhere").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is no cluster named \u201cnowhere\u201d")));
		this.mvc.perform(get("/findings?check=no-such-check").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is no check with the id")));
		this.mvc.perform(get("/findings?cursor=not-a-cursor").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This page link is no longer valid")));
		this.mvc.perform(get("/findings?cluster=demo").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("cannot be used"))));
	}

	@Test
	@Order(9)
	void userSuppliedValuesAreEscaped() throws Exception {
		this.mvc.perform(get("/findings").param("namespace", "<script>alert(1)</script>")
			.param("cluster", "<b>x</b>")
			.with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(not(containsString("<b>x</b>"))));
	}

	@Test
	@Order(10)
	void customChecksCanBeChosenAndLinkToTheirDefinition() throws Exception {
		this.mvc.perform(get("/findings?check=team-label").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("There is no check with the id")));
		this.jdbc.sql("""
				INSERT INTO custom_check (id, title, category, severity, kinds, expression, message, sample, enabled,
				  changed_by, changed_at)
				VALUES ('team-label', 'Has a team label', 'operations', 'info', 'Deployment', 'false', NULL, 'kind: Deployment',
				  TRUE, 'test', now())
				""").update();
		ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("demo", ScanTrigger.API, "test").scanId());
		assertThat(shown(this.mvc.perform(get("/findings?check=team-label").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Has a team label (custom)")))
			.andExpect(content().string(containsString("href=\"/checks/custom#custom-team-label\"")))
			.andReturn())).isNotEmpty().allSatisfy((finding) -> {
				assertThat(finding.row().check()).isEqualTo("team-label");
				assertThat(finding.check()).isNotNull().matches(CheckDefinition::custom);
			});
	}

	/** A failing finding of a workload, in a namespace. */
	private FindingRow inANamespace() throws Exception {
		return shown(get("/findings?kind=Deployment")).stream()
			.map(Shown::row)
			.filter((row) -> !row.namespace().isEmpty())
			.findFirst()
			.orElseThrow();
	}

	private List<Shown> shown(MockHttpServletRequestBuilder request) throws Exception {
		return shown(this.mvc.perform(request.with(as(Role.VIEWER))).andExpect(status().isOk()).andReturn());
	}

	@SuppressWarnings("unchecked")
	private static List<Shown> shown(MvcResult result) {
		Object findings = result.getModelAndView().getModel().get("findings");
		assertThat(findings).as("findings on the page").isNotNull();
		return (List<Shown>) findings;
	}

	private static RequestPostProcessor as(Role role) {
		return ScanTestSupport.signedIn("explorer", role);
	}

}
