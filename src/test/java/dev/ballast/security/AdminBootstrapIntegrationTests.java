package dev.ballast.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

/**
 * The first start on an empty database created {@code admin} with the configured password
 * (ballast.security.admin-password, see {@link SecurityIntegrationTest}); later starts leave it
 * alone.
 */
@SecurityIntegrationTest
class AdminBootstrapIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AdminBootstrap bootstrap;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theFirstStartCreatedTheAdministratorWithTheConfiguredPassword() throws Exception {
		assertThat(admin()).containsEntry("role", "ADMIN").containsEntry("enabled", true);
		this.mvc.perform(formLogin("/login").user("admin").password(SecurityTestSupport.ADMIN_PASSWORD))
			.andExpect(authenticated().withUsername("admin").withRoles("ADMIN"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'USER_CREATED' and target = 'admin' and actor = 'ballast'",
				Integer.class))
			.isOne();
	}

	@Test
	void aLaterStartChangesNothing() {
		Map<String, Object> before = admin();
		assertThat(this.bootstrap.createAdminIfNoUsers()).isFalse();
		assertThat(admin()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where lower(username) = 'admin'",
				Integer.class))
			.isOne();
	}

	private Map<String, Object> admin() {
		return this.jdbc.queryForMap(
				"select id, role, enabled, password_hash, password_changed_at from app_user where username = 'admin'");
	}

}
