package dev.ballast.security;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

import static dev.ballast.security.SecurityTestSupport.PASSWORD;
import static dev.ballast.security.SecurityTestSupport.createUser;
import static dev.ballast.security.SecurityTestSupport.from;
import static dev.ballast.security.SecurityTestSupport.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in and out through the real filter chain, sessions in PostgreSQL.
 */
@SecurityIntegrationTest
class LoginIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserAccounts users;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void signsInWithTheRightPasswordAndRecordsIt() throws Exception {
		SignedInUser alice = createUser(this.users, "alice", Role.OPERATOR);
		String address = uniqueAddress();
		this.mvc.perform(signIn(alice.username(), PASSWORD, address))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(alice.username()).withRoles("OPERATOR"));
		assertThat(auditOf(alice.username())).containsExactly("LOGIN_SUCCEEDED " + address);
	}

	@Test
	void signInIgnoresTheCaseOfTheUsername() throws Exception {
		SignedInUser bob = createUser(this.users, "bob", Role.VIEWER);
		this.mvc.perform(signIn(bob.username().toUpperCase(Locale.ROOT), PASSWORD, uniqueAddress()))
			.andExpect(authenticated().withUsername(bob.username()));
	}

	@Test
	void aWrongPasswordAndAnUnknownUserFailAlikeWithoutAHint() throws Exception {
		SignedInUser carol = createUser(this.users, "carol", Role.VIEWER);
		this.mvc.perform(signIn(carol.username(), "not the password", uniqueAddress()))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(signIn("nobody-by-this-name", PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Wrong username or password.")));
		assertThat(auditOf(carol.username())).singleElement().asString().startsWith("LOGIN_FAILED");
		assertThat(auditOf("nobody-by-this-name")).singleElement().asString().startsWith("LOGIN_FAILED");
	}

	@Test
	void fiveFailuresLockTheUsernameEvenFromOtherAddresses() throws Exception {
		SignedInUser dave = createUser(this.users, "dave", Role.VIEWER);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(signIn(dave.username(), "wrong-" + i, uniqueAddress()))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(signIn(dave.username(), PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/login?locked"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/login").param("locked", ""))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("Too many failed sign-in attempts. Wait 5 minutes and try again.")));
		assertThat(auditOf(dave.username())).last().asString().startsWith("LOGIN_LOCKED");
	}

	@Test
	void fiveFailuresLockTheClientAddressForEveryUsername() throws Exception {
		SignedInUser erin = createUser(this.users, "erin", Role.VIEWER);
		String address = uniqueAddress();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(signIn("guess-" + i, "wrong", address)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(signIn(erin.username(), PASSWORD, address)).andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(signIn(erin.username(), PASSWORD, uniqueAddress())).andExpect(redirectedUrl("/"));
	}

	@Test
	void aDisabledUserCannotSignInAndOnlyTheRightPasswordLearnsWhy() throws Exception {
		SignedInUser frank = createUser(this.users, "frank", Role.VIEWER);
		this.users.setEnabled(frank.id(), false, Actor.BALLAST);
		this.mvc.perform(signIn(frank.username(), "wrong password", uniqueAddress()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(signIn(frank.username(), PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/login?disabled"))
			.andExpect(unauthenticated());
	}

	@Test
	void signsOutWithAPostAndRecordsIt() throws Exception {
		SignedInUser grace = createUser(this.users, "grace", Role.VIEWER);
		Cookie session = sessionOf(grace.username());
		this.mvc.perform(get("/settings").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(post("/logout").cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/settings").cookie(session)).andExpect(redirectedUrl("/login"));
		assertThat(auditOf(grace.username())).last().asString().startsWith("LOGOUT");
	}

	@Test
	void theSignInAndSignOutFormsNeedACsrfToken() throws Exception {
		SignedInUser heidi = createUser(this.users, "heidi", Role.VIEWER);
		this.mvc
			.perform(post("/login").param("username", heidi.username())
				.param("password", PASSWORD)
				.with(from(uniqueAddress())))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		Cookie session = sessionOf(heidi.username());
		this.mvc.perform(post("/logout").cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/settings").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void theSignInPageHasTheFormAndTheLanguageAndThemeTools() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("name=\"username\""),
					containsString("name=\"_csrf\""),
					containsString("id=\"lang-select\""),
					containsString("data-theme-toggle"))));
		this.mvc.perform(get("/login").header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("登录")));
	}

	private Cookie sessionOf(String username) throws Exception {
		MvcResult result = this.mvc.perform(signIn(username, PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("session cookie").isNotNull();
		return session;
	}

	private List<String> auditOf(String actor) {
		return this.jdbc.queryForList(
				"select action || ' ' || coalesce(client_address, '') from audit_event where actor = ? order by id",
				String.class, actor)
			.stream()
			.map(String::strip)
			.toList();
	}

	static MockHttpServletRequestBuilder signIn(String username,
			String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

}
