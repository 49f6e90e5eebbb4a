package dev.ballast.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.security.Role;
import dev.ballast.security.SignedInUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The stored check configuration through the pages and the API, on embedded PostgreSQL: what an
 * operator changes is kept with history and becomes the engine's configuration for a cluster;
 * every mistake is answered with the form or a problem detail; a viewer changes nothing.
 */
@SpringBootTest(properties = { "ballast.security.admin-password=first-admin-password-42",
		"management.prometheus.metrics.export.enabled=true" })
@AutoConfigureMockMvc
class CheckSettingsIntegrationTests {

	private static final String SAMPLE = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: api
			  namespace: shop
			  labels:
			    team: payments
			""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CheckSettings settings;

	@Test
	void storesASeverityChangeWithHistoryAndAppliesItToTheCluster() throws Exception {
		String cluster = unique("prod");
		this.mvc
			.perform(post("/checks/settings").with(as(Role.OPERATOR)).with(csrf()).param("cluster", cluster)
				.param("namespace", "").param("checkId", "privileged").param("setting", "info")
				.param("reason", "audited by security"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/checks/settings"));
		this.mvc
			.perform(post("/checks/settings").with(as(Role.OPERATOR)).with(csrf()).param("cluster", cluster)
				.param("namespace", "batch").param("checkId", "liveness-probe-missing").param("setting", "off")
				.param("reason", "jobs"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/checks/settings").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("audited by security")))
			.andExpect(content().string(containsString(cluster)));

		CheckConfiguration configuration = this.settings.configurationFor(cluster);
		CheckDefinition privileged = definition("privileged");
		assertThat(configuration.severity(privileged, "default")).isEqualTo(Severity.INFO);
		assertThat(configuration.enabled("liveness-probe-missing", "batch")).isFalse();
		assertThat(configuration.enabled("liveness-probe-missing", "web")).isTrue();
		assertThat(this.settings.configurationFor(unique("other")).severity(privileged, "default"))
			.isEqualTo(privileged.severity());

		this.mvc
			.perform(put("/api/v1/checks/settings").with(as(Role.OPERATOR)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"cluster":"%s","checkId":"privileged","setting":"default","reason":"back to normal"}"""
					.formatted(cluster)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.previous").value("info"));
		assertThat(this.settings.configurationFor(cluster).severity(privileged, "default"))
			.isEqualTo(privileged.severity());
		this.mvc.perform(get("/checks/settings").with(as(Role.VIEWER)))
			.andExpect(content().string(containsString("back to normal")));
	}

	@Test
	void refusesAnUnknownCheckOnTheFormAndInTheApi() throws Exception {
		this.mvc
			.perform(post("/checks/settings").with(as(Role.OPERATOR)).with(csrf()).param("cluster", "*")
				.param("checkId", "no-such-check").param("setting", "off").param("reason", "why"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "checkId", "checks.problem.unknown-check"));
		this.mvc
			.perform(put("/api/v1/checks/settings").with(as(Role.OPERATOR)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"checkId\":\"no-such-check\",\"setting\":\"off\",\"reason\":\"why\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/unknown-check"));
	}

	@Test
	void refusesAPastExpiryAndAppliesActiveExemptionsOnly() throws Exception {
		String cluster = unique("stage");
		this.mvc
			.perform(post("/checks/exemptions").with(as(Role.OPERATOR)).with(csrf()).param("cluster", cluster)
				.param("namespace", "shop").param("checkId", "privileged").param("reason", "legacy")
				.param("until", LocalDate.now().minusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "until"));
		assertThat(exemptionsOf(cluster)).isEmpty();

		this.mvc
			.perform(post("/checks/exemptions").with(as(Role.OPERATOR)).with(csrf()).param("cluster", cluster)
				.param("namespace", "shop").param("kind", "Deployment").param("name", "api")
				.param("checkId", "privileged").param("reason", "vendor agent, ticket 42")
				.param("until", LocalDate.now().plusDays(30).toString()))
			.andExpect(status().is3xxRedirection());
		String revoked = this.mvc
			.perform(post("/api/v1/checks/exemptions").with(as(Role.OPERATOR)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"cluster":"%s","namespace":"shop","checkId":"all","reason":"to be revoked","until":"%s"}"""
					.formatted(cluster, LocalDate.now().plusDays(3))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(revoked.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
		this.mvc.perform(delete("/api/v1/checks/exemptions/" + id).with(as(Role.OPERATOR)).with(csrf()))
			.andExpect(status().isNoContent());

		this.mvc.perform(get("/checks/exemptions").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("vendor agent, ticket 42")))
			.andExpect(content().string(containsString("to be revoked")));
		List<Exemption> rules = exemptionsOf(cluster);
		assertThat(rules).singleElement().satisfies((rule) -> {
			assertThat(rule.reason()).isEqualTo("vendor agent, ticket 42");
			assertThat(rule.matches("privileged", new Subject("Deployment", "shop", "api"), Instant.now()))
				.isTrue();
		});
		this.mvc
			.perform(post("/api/v1/checks/exemptions").with(as(Role.OPERATOR)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"checkId\":\"all\",\"reason\":\"late\",\"until\":\"2000-01-01\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void refusesAnExpressionThatDoesNotCompileWithTheCompilersMessageAndPosition() throws Exception {
		String id = unique("broken");
		this.mvc
			.perform(post("/checks/custom").with(as(Role.OPERATOR)).with(csrf()).param("action", "test")
				.param("id", id).param("title", "Broken").param("category", "OPERATIONS")
				.param("severity", "WARNING").param("expression", "object.metadata.name ==").param("sample", SAMPLE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("line 1, column")));
		this.mvc
			.perform(post("/checks/custom").with(as(Role.OPERATOR)).with(csrf()).param("id", id)
				.param("title", "Broken").param("category", "OPERATIONS").param("severity", "WARNING")
				.param("expression", "object.metadata.name ==").param("sample", SAMPLE))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"));
		this.mvc
			.perform(post("/api/v1/checks/custom/test").with(as(Role.OPERATOR)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"expression\":\"object.metadata.name ==\",\"sample\":\"kind: Deployment\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/invalid-expression"))
			.andExpect(jsonPath("$.line").value(1))
			.andExpect(jsonPath("$.column").isNumber())
			.andExpect(jsonPath("$.compilerMessage").isNotEmpty());
		this.mvc
			.perform(post("/api/v1/checks/custom/test").with(as(Role.OPERATOR)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"expression\":\"true\",\"sample\":\"a: &a [1,2]\\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\\n"
						+ "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.passed").doesNotExist())
			.andExpect(jsonPath("$.error").isNotEmpty());
		assertThat(this.settings.configurationFor("any").custom()).noneMatch((check) -> check.id().equals(id));
	}

	@Test
	void savesACustomCheckOnlyAfterItsTestRanAndUsesIt() throws Exception {
		String id = unique("team-label");
		String expression = "has(object.metadata.labels) && 'team' in object.metadata.labels";
		this.mvc
			.perform(post("/checks/custom").with(as(Role.OPERATOR)).with(csrf()).param("id", id)
				.param("title", "Has a team").param("category", "OPERATIONS").param("severity", "WARNING")
				.param("kinds", "Deployment").param("expression", expression).param("sample", SAMPLE))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"));
		String tested = (String) ((CustomCheckForm) this.mvc
			.perform(post("/checks/custom").with(as(Role.OPERATOR)).with(csrf()).param("action", "test")
				.param("id", id).param("title", "Has a team").param("category", "OPERATIONS")
				.param("severity", "WARNING").param("kinds", "Deployment").param("expression", expression)
				.param("sample", SAMPLE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("the sample passes")))
			.andReturn().getModelAndView().getModel().get("form")).tested();
		assertThat(tested).isNotBlank();
		this.mvc
			.perform(post("/checks/custom").with(as(Role.OPERATOR)).with(csrf()).param("id", id)
				.param("title", "Has a team").param("category", "OPERATIONS").param("severity", "WARNING")
				.param("kinds", "Deployment").param("expression", expression).param("sample", SAMPLE)
				.param("tested", tested))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/checks/custom"));

		assertThat(this.settings.configurationFor("any").custom()).anySatisfy((check) -> {
			assertThat(check.id()).isEqualTo(id);
			assertThat(check.expression()).isEqualTo(expression);
			assertThat(check.kinds()).containsExactly("Deployment");
		});
		this.mvc.perform(get("/checks/custom").with(as(Role.VIEWER)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("custom-" + id)));
		this.mvc.perform(get("/checks/custom/" + id + "/edit").with(as(Role.OPERATOR)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Has a team")));
		this.mvc.perform(get("/api/v1/checks/custom").with(as(Role.VIEWER)))
			.andExpect(status().isOk()).andExpect(content().string(containsString(id)));
		this.mvc.perform(post("/checks/custom/" + id + "/disable").with(as(Role.OPERATOR)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.settings.configurationFor("any").custom()).noneMatch((check) -> check.id().equals(id));
	}

	@Test
	void aViewerChangesNothing() throws Exception {
		this.mvc
			.perform(post("/checks/settings").with(as(Role.VIEWER)).with(csrf()).param("checkId", "privileged")
				.param("setting", "off").param("reason", "no"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/checks/exemptions").with(as(Role.VIEWER)).with(csrf()).param("checkId", "all")
				.param("reason", "no").param("until", LocalDate.now().plusDays(3).toString()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/checks/settings").with(as(Role.VIEWER)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"checkId\":\"privileged\",\"setting\":\"off\",\"reason\":\"no\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/checks/custom/test").with(as(Role.VIEWER)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"expression\":\"true\",\"sample\":\"a: 1\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/checks/exemptions").with(as(Role.VIEWER))).andExpect(status().isOk());
	}

	private List<Exemption> exemptionsOf(String cluster) {
		return this.settings.configurationFor(cluster)
			.exemptions()
			.stream()
			.filter((rule) -> !CheckConfiguration.SYSTEM_REASON.equals(rule.reason()))
			.toList();
	}

	private static CheckDefinition definition(String id) {
		return CheckEngine.standard().catalogue().stream().filter((c) -> c.id().equals(id)).findFirst().orElseThrow();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static RequestPostProcessor as(Role role) {
		SignedInUser user = new SignedInUser(0, "checks-" + role.name().toLowerCase(), role);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
	}

}
