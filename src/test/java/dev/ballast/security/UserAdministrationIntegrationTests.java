package dev.ballast.security;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import jakarta.servlet.http.Cookie;

import static dev.ballast.security.SecurityTestSupport.PASSWORD;
import static dev.ballast.security.SecurityTestSupport.createUser;
import static dev.ballast.security.SecurityTestSupport.signedIn;
import static dev.ballast.security.SecurityTestSupport.uniqueAddress;
import static dev.ballast.security.SecurityTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * An administrator managing users through the pages: every change audited, every mistake
 * answered with the form and its messages, nothing half-saved.
 */
@SecurityIntegrationTest
class UserAdministrationIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserAccounts users;

	@Autowired
	private JdbcTemplate jdbc;

	private SignedInUser admin;

	@BeforeEach
	void signInAnAdministrator() {
		this.admin = createUser(this.users, "root", Role.ADMIN);
	}

	@Test
	void createsAUserWhoCanThenSignIn() throws Exception {
		String name = uniqueName("walter");
		this.mvc
			.perform(post("/settings/users").param("username", name)
				.param("role", "OPERATOR")
				.param("password", PASSWORD)
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/settings/users"))
			.andExpect(flash().attribute("flashMessage", "security.users.flash.created"));
		assertThat(this.jdbc.queryForObject("select role from app_user where username = ?", String.class, name))
			.isEqualTo("OPERATOR");
		assertThat(audit()).contains("USER_CREATED " + name + " OPERATOR");
		this.mvc.perform(LoginIntegrationTests.signIn(name, PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/settings/users").with(signedIn(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
	}

	@Test
	void invalidFieldsShowTheFormAgainWithMessagesAndSaveNothing() throws Exception {
		int before = countUsers();
		this.mvc
			.perform(post("/settings/users").param("username", "")
				.param("role", "VIEWER")
				.param("password", "short")
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("security/user-new"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "security.password.too-short"))
			.andExpect(model().attributeHasFieldErrors("form", "username"))
			.andExpect(content().string(containsString("Enter a username.")))
			.andExpect(content().string(containsString("Use at least 12 characters.")));
		this.mvc
			.perform(post("/settings/users").param("username", "no spaces allowed")
				.param("role", "VIEWER")
				.param("password", PASSWORD)
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "username"))
			.andExpect(content().string(containsString("Use only letters, digits")));
		this.mvc
			.perform(post("/settings/users").param("username", uniqueName("valid"))
				.param("role", "SUPERUSER")
				.param("password", PASSWORD)
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "role"))
			.andExpect(content().string(containsString("Choose a role.")))
			.andExpect(content().string(not(containsString("dev.ballast"))));
		assertThat(countUsers()).isEqualTo(before);
	}

	@Test
	void aUsernameTakenInAnyCaseIsRefused() throws Exception {
		SignedInUser xavier = createUser(this.users, "xavier", Role.VIEWER);
		int before = countUsers();
		this.mvc
			.perform(post("/settings/users").param("username", xavier.username().toUpperCase())
				.param("role", "ADMIN")
				.param("password", PASSWORD)
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "security.problem.username-taken"))
			.andExpect(content().string(containsString("This username is taken.")));
		assertThat(countUsers()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select role from app_user where id = ?", String.class, xavier.id()))
			.isEqualTo("VIEWER");
	}

	@Test
	void disablingEndsTheUsersSessionsUntilEnabledAgain() throws Exception {
		SignedInUser yvonne = createUser(this.users, "yvonne", Role.VIEWER);
		Cookie session = sessionOf(yvonne);
		this.mvc.perform(get("/settings").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(post("/settings/users/{id}/disable", yvonne.id()).with(signedIn(this.admin)).with(csrf()))
			.andExpect(redirectedUrl("/settings/users"))
			.andExpect(flash().attribute("flashMessage", "security.users.flash.disabled"));
		this.mvc.perform(get("/settings").cookie(session)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(LoginIntegrationTests.signIn(yvonne.username(), PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/login?disabled"));
		this.mvc.perform(post("/settings/users/{id}/enable", yvonne.id()).with(signedIn(this.admin)).with(csrf()))
			.andExpect(flash().attribute("flashMessage", "security.users.flash.enabled"));
		this.mvc.perform(LoginIntegrationTests.signIn(yvonne.username(), PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/"));
		assertThat(audit()).containsSubsequence("USER_DISABLED " + yvonne.username(),
				"USER_ENABLED " + yvonne.username());
	}

	@Test
	void aResetPasswordReplacesTheOldOne() throws Exception {
		SignedInUser zoe = createUser(this.users, "zoe", Role.VIEWER);
		this.mvc.perform(get("/settings/users/{id}/password", zoe.id()).with(signedIn(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New password for " + zoe.username())));
		this.mvc
			.perform(post("/settings/users/{id}/password", zoe.id()).param("password", "zoe")
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("security/user-password"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "security.password.too-short"));
		this.mvc
			.perform(post("/settings/users/{id}/password", zoe.id()).param("password", zoe.username() + "-and-more")
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "security.password.contains-username"));
		this.mvc
			.perform(post("/settings/users/{id}/password", zoe.id()).param("password", "a brand new passphrase")
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/settings/users"))
			.andExpect(flash().attribute("flashMessage", "security.users.flash.password-reset"));
		this.mvc.perform(LoginIntegrationTests.signIn(zoe.username(), PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(LoginIntegrationTests.signIn(zoe.username(), "a brand new passphrase", uniqueAddress()))
			.andExpect(redirectedUrl("/"));
		assertThat(audit()).contains("USER_PASSWORD_RESET " + zoe.username());
	}

	@Test
	void changesTheRoleAndEndsTheOldSessions() throws Exception {
		SignedInUser amir = createUser(this.users, "amir", Role.VIEWER);
		Cookie session = sessionOf(amir);
		this.mvc
			.perform(post("/settings/users/{id}/role", amir.id()).param("role", "OPERATOR")
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/settings/users"))
			.andExpect(flash().attribute("flashMessage", "security.users.flash.role-changed"));
		assertThat(this.jdbc.queryForObject("select role from app_user where id = ?", String.class, amir.id()))
			.isEqualTo("OPERATOR");
		assertThat(audit()).contains("USER_ROLE_CHANGED " + amir.username() + " VIEWER → OPERATOR");
		this.mvc.perform(get("/settings").cookie(session)).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(post("/settings/users/{id}/role", amir.id()).param("role", "SUPERUSER")
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anAdministratorCannotDemoteOrDisableThemselves() throws Exception {
		this.mvc
			.perform(post("/settings/users/{id}/role", this.admin.id()).param("role", "VIEWER")
				.with(signedIn(this.admin))
				.with(csrf()))
			.andExpect(flash().attribute("flashError", "security.problem.own-account"));
		this.mvc.perform(post("/settings/users/{id}/disable", this.admin.id()).with(signedIn(this.admin)).with(csrf()))
			.andExpect(flash().attribute("flashError", "security.problem.own-account"));
		assertThat(this.jdbc.queryForMap("select role, enabled from app_user where id = ?", this.admin.id()))
			.containsEntry("role", "ADMIN")
			.containsEntry("enabled", true);
	}

	@Test
	void formsWithoutACsrfTokenAreRefusedAndChangeNothing() throws Exception {
		SignedInUser bea = createUser(this.users, "bea", Role.VIEWER);
		int before = countUsers();
		this.mvc
			.perform(post("/settings/users").param("username", uniqueName("sneaky"))
				.param("role", "ADMIN")
				.param("password", PASSWORD)
				.with(signedIn(this.admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/settings/users/{id}/disable", bea.id()).with(signedIn(this.admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/settings/tokens").param("name", "sneaky").with(signedIn(bea)))
			.andExpect(status().isForbidden());
		assertThat(countUsers()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, bea.id()))
			.isTrue();
	}

	@Test
	void anUnknownUserIsNotFound() throws Exception {
		this.mvc.perform(post("/settings/users/{id}/disable", 987654).with(signedIn(this.admin)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/settings/users/{id}/password", 987654).with(signedIn(this.admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAuditLogShowsTheNewestEventsFirstAPageAtATime() throws Exception {
		for (int i = 0; i <= AuditLog.PAGE_SIZE; i++) {
			createUser(this.users, "filler", Role.VIEWER);
		}
		SignedInUser newest = createUser(this.users, "newest", Role.VIEWER);
		MvcResult firstPage = this.mvc.perform(get("/settings/audit").with(signedIn(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("created user")))
			.andExpect(content().string(containsString("page=1")))
			.andReturn();
		Page<?> events = (Page<?>) firstPage.getModelAndView().getModel().get("events");
		assertThat(events.getContent()).hasSize(AuditLog.PAGE_SIZE);
		assertThat(((AuditEvent) events.getContent().get(0)).getTarget()).isEqualTo(newest.username());
		this.mvc.perform(get("/settings/audit").param("page", "1").with(signedIn(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("page=0")));
		this.mvc.perform(get("/settings/audit").param("page", "not-a-number").with(signedIn(this.admin)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theSettingsPageShowsAdministrationOnlyToAdministrators() throws Exception {
		this.mvc.perform(get("/settings").with(signedIn(this.admin)))
			.andExpect(content().string(containsString("/settings/users")))
			.andExpect(content().string(containsString("/settings/audit")));
		SignedInUser viewer = createUser(this.users, "carl", Role.OPERATOR);
		this.mvc.perform(get("/settings").with(signedIn(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/settings/tokens")))
			.andExpect(content().string(not(containsString("/settings/users"))))
			.andExpect(content().string(not(containsString("/settings/audit"))));
	}

	private Cookie sessionOf(SignedInUser user) throws Exception {
		Cookie session = this.mvc.perform(LoginIntegrationTests.signIn(user.username(), PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	private int countUsers() {
		return this.jdbc.queryForObject("select count(*) from app_user", Integer.class);
	}

	/** "ACTION target detail" of the events this test's administrator caused, oldest first. */
	private List<String> audit() {
		return this.jdbc.queryForList(
				"select action || ' ' || coalesce(target, '') || ' ' || coalesce(detail, '') from audit_event "
						+ "where actor = ? order by id",
				String.class, this.admin.username())
			.stream()
			.map(String::strip)
			.toList();
	}

}
