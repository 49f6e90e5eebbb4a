package dev.ballast.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static dev.ballast.security.SecurityTestSupport.PASSWORD;
import static dev.ballast.security.SecurityTestSupport.createUser;
import static dev.ballast.security.SecurityTestSupport.signedIn;
import static dev.ballast.security.SecurityTestSupport.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Any user changes their own password, but only knowing the current one; a weak new one is
 * refused with the form's messages and nothing changes.
 */
@SecurityIntegrationTest
class OwnPasswordIntegrationTests {

	private static final String NEW_PASSWORD = "a much better passphrase";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserAccounts users;

	@Autowired
	private JdbcTemplate jdbc;

	private SignedInUser viewer;

	@BeforeEach
	void createAViewer() {
		this.viewer = createUser(this.users, "vera", Role.VIEWER);
	}

	@Test
	void changesThePasswordWithTheCurrentOne() throws Exception {
		this.mvc
			.perform(post("/settings/password").param("currentPassword", PASSWORD)
				.param("password", NEW_PASSWORD)
				.with(signedIn(this.viewer))
				.with(csrf()))
			.andExpect(redirectedUrl("/settings"))
			.andExpect(flash().attribute("flashMessage", "security.password.changed"));
		this.mvc.perform(LoginIntegrationTests.signIn(this.viewer.username(), NEW_PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'PASSWORD_CHANGED' and target = ?", Integer.class,
				this.viewer.username()))
			.isEqualTo(1);
	}

	@Test
	void refusesAWrongCurrentPasswordAndChangesNothing() throws Exception {
		this.mvc
			.perform(post("/settings/password").param("currentPassword", "not my password at all")
				.param("password", NEW_PASSWORD)
				.with(signedIn(this.viewer))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("security/own-password"))
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "security.password.current-wrong"));
		this.mvc.perform(LoginIntegrationTests.signIn(this.viewer.username(), PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void refusesAWeakNewPassword() throws Exception {
		this.mvc
			.perform(post("/settings/password").param("currentPassword", PASSWORD)
				.param("password", "short")
				.with(signedIn(this.viewer))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "security.password.too-short"));
		this.mvc.perform(LoginIntegrationTests.signIn(this.viewer.username(), PASSWORD, uniqueAddress()))
			.andExpect(redirectedUrl("/"));
	}

}
