package dev.ballast.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document at {@code /api/v1/openapi.json} and Swagger UI at {@code /api/docs}:
 * the document is API (a token or a session, problem details for strangers); Swagger UI is a
 * page (sign-in form for strangers, the pages' Content-Security-Policy) served from Ballast's
 * own jar.
 */
@SecurityIntegrationTest
class ApiDocumentationIntegrationTests {

	private static final SignedInUser VIEWER = new SignedInUser(0, "docs-viewer", Role.VIEWER);

	@Autowired
	private MockMvc mvc;

	@Test
	void describesTheApiWithItsVersioningPolicyAndBothWaysToAuthenticate() throws Exception {
		this.mvc.perform(get("/api/v1/openapi.json").with(SecurityTestSupport.signedIn(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Ballast API"))
			.andExpect(jsonPath("$.info.version").value("v1"))
			.andExpect(jsonPath("$.info.description", containsString("Sunset")))
			.andExpect(jsonPath("$.components.securitySchemes.bearerToken.scheme").value("bearer"))
			.andExpect(jsonPath("$.components.securitySchemes.sessionCookie.in").value("cookie"))
			.andExpect(jsonPath("$.paths['/api/v1/clusters'].get.tags", hasItem("cluster")))
			.andExpect(jsonPath("$.paths['/actuator/health']").doesNotExist());
	}

	@Test
	void refusesTheDocumentToStrangersAsAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/openapi.json"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void sendsStrangersFromSwaggerUiToSignIn() throws Exception {
		this.mvc.perform(get("/api/docs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/swagger-ui/index.html"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void servesSwaggerUiAsAPageFromItsOwnJar() throws Exception {
		String location = this.mvc.perform(get("/api/docs").with(SecurityTestSupport.signedIn(VIEWER)))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).isEqualTo("/api/swagger-ui/index.html");
		this.mvc.perform(get(location).with(SecurityTestSupport.signedIn(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(content().string(containsString("swagger-ui-bundle.js")));
		this.mvc.perform(get("/api/swagger-ui/swagger-initializer.js").with(SecurityTestSupport.signedIn(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/openapi.json/swagger-config")));
	}

}
