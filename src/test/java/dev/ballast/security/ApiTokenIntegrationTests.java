package dev.ballast.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

import static dev.ballast.security.SecurityTestSupport.PASSWORD;
import static dev.ballast.security.SecurityTestSupport.createUser;
import static dev.ballast.security.SecurityTestSupport.from;
import static dev.ballast.security.SecurityTestSupport.signedIn;
import static dev.ballast.security.SecurityTestSupport.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * API tokens from creation in the UI to use, revocation and expiry, and the ways the API refuses
 * what it must not accept.
 */
@SecurityIntegrationTest
class ApiTokenIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserAccounts users;

	@Autowired
	private ApiTokens tokens;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aTokenCreatedInTheUiIsShownOnceAndStoredOnlyAsAHash() throws Exception {
		SignedInUser ivan = createUser(this.users, "ivan", Role.VIEWER);
		MvcResult created = this.mvc
			.perform(post("/settings/tokens").param("name", "CI pipeline")
				.param("expiresInDays", "30")
				.with(signedIn(ivan))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("security/token-created"))
			.andExpect(content().string(containsString("class=\"secret-once\"")))
			.andExpect(content().string(containsString("data-copy-target=\"token-value\"")))
			.andReturn();
		String value = (String) created.getModelAndView().getModel().get("value");
		assertThat(value).startsWith("blst_").hasSizeGreaterThanOrEqualTo(45);
		assertThat(created.getResponse().getContentAsString()).contains(value);
		assertThat(this.jdbc.queryForObject("select token_hash from api_token where user_id = ?", String.class,
				ivan.id()))
			.isEqualTo(ApiTokens.hash(value))
			.isNotEqualTo(value);
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where token_hash like 'blst_%' "
				+ "or hint = ?", Integer.class, value)).isZero();
		this.mvc.perform(get("/settings/tokens").with(signedIn(ivan)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CI pipeline")))
			.andExpect(content().string(not(containsString(value))));
		assertThat(auditActions(ivan.username())).containsExactly("TOKEN_CREATED");
	}

	@Test
	void aTokenFormWithoutANameIsShownAgainAndNothingIsCreated() throws Exception {
		SignedInUser judy = createUser(this.users, "judy", Role.VIEWER);
		this.mvc
			.perform(post("/settings/tokens").param("name", " ")
				.param("expiresInDays", "99999")
				.with(signedIn(judy))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("security/tokens"))
			.andExpect(model().attributeHasFieldErrors("form", "name", "expiresInDays"))
			.andExpect(content().string(containsString("Enter a name.")));
		assertThat(countTokensOf(judy)).isZero();
	}

	@Test
	void aTokenActsAsItsUserAndRecordsItsLastUse() throws Exception {
		SignedInUser ken = createUser(this.users, "ken", Role.OPERATOR);
		ApiTokens.Created token = this.tokens.create(ken, new NewToken("script", 7), Actor.BALLAST);
		assertThat(lastUsed(token)).isNull();
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.value()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(ken.username()))
			.andExpect(jsonPath("$.role").value("OPERATOR"))
			.andExpect(jsonPath("$.authenticatedBy").value("token"))
			.andExpect(jsonPath("$.tokenName").value("script"))
			.andExpect(header().doesNotExist("Set-Cookie"));
		assertThat(lastUsed(token)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
	}

	@Test
	void aTokenHasTheCurrentRoleOfItsUser() throws Exception {
		SignedInUser liam = createUser(this.users, "liam", Role.VIEWER);
		String token = this.tokens.create(liam, new NewToken("admin script", null), Actor.BALLAST).value();
		this.mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/access-denied"));
		this.users.changeRole(liam.id(), Role.ADMIN, Actor.BALLAST);
		this.mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.username == '%s')].role", liam.username()).value("ADMIN"));
	}

	@Test
	void aRevokedTokenIsRefusedWithAProblemDetail() throws Exception {
		SignedInUser mia = createUser(this.users, "mia", Role.VIEWER);
		ApiTokens.Created token = this.tokens.create(mia, new NewToken("old", null), Actor.BALLAST);
		this.mvc.perform(delete("/api/v1/tokens/{id}", token.token().getId()).header("Authorization", bearer(token)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/me").header("Authorization", bearer(token)).with(from(uniqueAddress())))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/invalid-token"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value("The API token is unknown, revoked or expired."))
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
		assertThat(auditActions(mia.username())).as("revoked by mia herself").containsExactly("TOKEN_REVOKED");
	}

	@Test
	void anExpiredTokenIsRefusedWithAProblemDetail() throws Exception {
		SignedInUser noah = createUser(this.users, "noah", Role.VIEWER);
		ApiTokens.Created token = this.tokens.create(noah, new NewToken("short-lived", 1), Actor.BALLAST);
		this.mvc.perform(get("/api/v1/me").header("Authorization", bearer(token))).andExpect(status().isOk());
		this.jdbc.update("update api_token set expires_at = ? where id = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), token.token().getId());
		this.mvc.perform(get("/api/v1/me").header("Authorization", bearer(token)).with(from(uniqueAddress())))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/invalid-token"));
	}

	@Test
	void theTokenOfADisabledUserIsRefused() throws Exception {
		SignedInUser olivia = createUser(this.users, "olivia", Role.VIEWER);
		ApiTokens.Created token = this.tokens.create(olivia, new NewToken("cron", null), Actor.BALLAST);
		this.users.setEnabled(olivia.id(), false, Actor.BALLAST);
		this.mvc.perform(get("/api/v1/me").header("Authorization", bearer(token)).with(from(uniqueAddress())))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenInTheQueryStringIsNotAccepted() throws Exception {
		SignedInUser peggy = createUser(this.users, "peggy", Role.VIEWER);
		ApiTokens.Created token = this.tokens.create(peggy, new NewToken("leaky", null), Actor.BALLAST);
		for (String parameter : new String[] { "access_token", "token" }) {
			this.mvc.perform(get("/api/v1/me").param(parameter, token.value()))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/authentication-required"));
		}
		assertThat(lastUsed(token)).isNull();
	}

	@Test
	void aBrowserSessionNeedsACsrfTokenToChangeAnythingThroughTheApi() throws Exception {
		SignedInUser quinn = createUser(this.users, "quinn", Role.VIEWER);
		Cookie session = this.mvc
			.perform(LoginIntegrationTests.signIn(quinn.username(), PASSWORD, uniqueAddress()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		this.mvc.perform(get("/api/v1/me").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authenticatedBy").value("session"));
		MockHttpServletRequestBuilder create = post("/api/v1/tokens").cookie(session)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"from the browser\"}");
		this.mvc.perform(create)
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/csrf-token-missing"));
		assertThat(countTokensOf(quinn)).isZero();
		this.mvc.perform(create.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token", startsWith("blst_")))
			.andExpect(jsonPath("$.expiresAt").isEmpty());
		assertThat(countTokensOf(quinn)).isOne();
	}

	@Test
	void theApiCreatesListsAndRevokesOnesOwnTokensWithoutShowingTheirValues() throws Exception {
		SignedInUser rupert = createUser(this.users, "rupert", Role.VIEWER);
		String first = this.tokens.create(rupert, new NewToken("first", null), Actor.BALLAST).value();
		MvcResult created = this.mvc
			.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + first)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"second\",\"expiresInDays\":30}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("second"))
			.andExpect(jsonPath("$.expiresAt").isNotEmpty())
			.andReturn();
		assertThat(created.getResponse().getContentAsString()).contains("blst_");
		this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + first))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].name").value("second"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$[0].hint", startsWith("blst_")))
			.andExpect(content().string(not(containsString(first))));
		this.mvc
			.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + first)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void nobodyCanRevokeAnotherUsersToken() throws Exception {
		SignedInUser sybil = createUser(this.users, "sybil", Role.ADMIN);
		SignedInUser trent = createUser(this.users, "trent", Role.VIEWER);
		String sybils = this.tokens.create(sybil, new NewToken("sybil's", null), Actor.BALLAST).value();
		ApiTokens.Created trents = this.tokens.create(trent, new NewToken("trent's", null), Actor.BALLAST);
		this.mvc.perform(delete("/api/v1/tokens/{id}", trents.token().getId()).header("Authorization", "Bearer " + sybils))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/token-not-found"));
		this.mvc.perform(post("/settings/tokens/{id}/revoke", trents.token().getId()).with(signedIn(sybil)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/me").header("Authorization", bearer(trents))).andExpect(status().isOk());
		this.mvc.perform(post("/settings/tokens/{id}/revoke", trents.token().getId()).with(signedIn(trent)).with(csrf()))
			.andExpect(redirectedUrl("/settings/tokens"));
		this.mvc.perform(get("/api/v1/me").header("Authorization", bearer(trents)).with(from(uniqueAddress())))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anAddressSendingManyInvalidTokensIsHeldOff() throws Exception {
		SignedInUser uma = createUser(this.users, "uma", Role.VIEWER);
		String valid = this.tokens.create(uma, new NewToken("valid", null), Actor.BALLAST).value();
		String address = uniqueAddress();
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer blst_guess" + i).with(from(address)))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + valid).with(from(address)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/too-many-attempts"));
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + valid).with(from(uniqueAddress())))
			.andExpect(status().isOk());
	}

	@Test
	void metricsTakeAnyTokenButOnlyAnAdministratorsSession() throws Exception {
		SignedInUser victor = createUser(this.users, "victor", Role.VIEWER);
		String token = this.tokens.create(victor, new NewToken("prometheus", null), Actor.BALLAST).value();
		this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus").with(signedIn(victor))).andExpect(status().isForbidden());
	}

	private static String bearer(ApiTokens.Created token) {
		return "Bearer " + token.value();
	}

	private Instant lastUsed(ApiTokens.Created token) {
		Timestamp used = this.jdbc.queryForObject("select last_used_at from api_token where id = ?", Timestamp.class,
				token.token().getId());
		return (used != null) ? used.toInstant() : null;
	}

	private int countTokensOf(SignedInUser user) {
		return this.jdbc.queryForObject("select count(*) from api_token where user_id = ?", Integer.class, user.id());
	}

	private List<String> auditActions(String actor) {
		return this.jdbc.queryForList("select action from audit_event where actor = ? order by id", String.class,
				actor);
	}

}
