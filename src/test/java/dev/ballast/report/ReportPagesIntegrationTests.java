package dev.ballast.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report pages and API: a subscription is saved from the form, bad input (addresses, a cron
 * expression that never fires or fires every second, unknown clusters) is refused on its field or
 * with a 400 problem naming it, only ADMIN may use them, and the stored SMTP password is never shown.
 */
@ReportIntegrationTest
class ReportPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ReportTestConfiguration.MovableClock clock;

	@Autowired
	private SmtpStore smtp;

	@BeforeEach
	void clean() {
		ReportTestConfiguration.reset(this.jdbc, this.clock);
	}

	@Test
	void savesSubscriptionFromTheFormAndListsIt() throws Exception {
		this.mvc.perform(form(post("/reports"), "ops@example.com,\nlead@example.com", "weekly", "").param("clusters", "demo"))
			.andExpect(redirectedUrl("/reports"));
		assertThat(this.jdbc.sql("SELECT recipients FROM report_subscription").query(String.class).single())
			.isEqualTo("ops@example.com\nlead@example.com");
		this.mvc.perform(get("/reports").param("lang", "en").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Weekly ops")))
			.andExpect(content().string(containsString("2026-11-30 08:00 (Europe/Berlin)")))
			.andExpect(content().string(containsString("/preview")));
		long id = this.jdbc.sql("SELECT id FROM report_subscription").query(Long.class).single();
		this.mvc.perform(get("/reports/{id}/edit", id).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lead@example.com")));
		this.mvc.perform(get("/reports/{id}/edit", id + 1000).with(admin())).andExpect(status().isNotFound());

		// send now: the outcome is flashed as the delivery's id (JDBC sessions keep plain values) and logged
		this.smtp.save("localhost", 1, SmtpSecurity.NONE, null, null, true, "ballast@example.com", "tester");
		Object deliveryId = this.mvc.perform(post("/reports/{id}/send", id).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/reports"))
			.andReturn()
			.getFlashMap()
			.get("deliveryId");
		assertThat(deliveryId).isInstanceOf(Long.class);
		this.mvc.perform(get("/reports/deliveries").param("lang", "en").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("send now")))
			.andExpect(content().string(containsString("failed")));
	}

	@Test
	void refusesBadInputOnItsField() throws Exception {
		this.mvc.perform(form(post("/reports"), "ops@example.com, not an address", "weekly", "").param("lang", "en")
			.param("clusters", "no-such-cluster"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not an e-mail address: not an address")))
			.andExpect(content().string(containsString("No cluster is called no-such-cluster.")));
		this.mvc.perform(form(post("/reports"), "ops@example.com", "custom", "0 0 0 30 2 *").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("never fires")));
		this.mvc.perform(form(post("/reports"), "ops@example.com", "custom", "* * * * * *").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("fires too often")));
		this.mvc.perform(form(post("/reports"), "ops@example.com", "custom", "every monday").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not a cron expression")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM report_subscription").query(Integer.class).single()).isZero();
	}

	@Test
	void apiRefusesBadInputWithProblemNamingTheField() throws Exception {
		this.mvc.perform(post("/api/v1/reports/subscriptions").with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Ops", "recipients": "ops@@example", "schedule": "custom", "cron": "* * * * * *",
					 "zone": "UTC", "language": "en", "sections": ["FLEET"], "enabled": true}
					"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/invalid-subscription"))
			.andExpect(jsonPath("$.errors[0].field").value("recipients"))
			.andExpect(jsonPath("$.errors[1].field").value("cron"));
		this.mvc.perform(post("/api/v1/reports/subscriptions").with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Ops", "recipients": "ops@example.com", "schedule": "daily",
					 "zone": "Asia/Shanghai", "language": "zh-CN", "sections": ["FLEET", "CHANGES"], "enabled": true}
					"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subscription.cron").value("0 0 8 * * *"))
			.andExpect(jsonPath("$.nextRunAt").value("2026-11-24T00:00:00Z"));
		long id = this.jdbc.sql("SELECT id FROM report_subscription").query(Long.class).single();
		this.mvc.perform(get("/api/v1/reports/subscriptions").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].language").value("zh-CN"));
		this.mvc.perform(get("/api/v1/reports/subscriptions/{id}", id + 1000).with(admin()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/subscription-not-found"));
		this.mvc.perform(post("/api/v1/reports/subscriptions/{id}/send", id).with(admin()).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.deliveryId").isNumber());
		this.mvc.perform(get("/api/v1/reports/deliveries").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].trigger").value("MANUAL"));
	}

	@Test
	void onlyAdminsReachReports() throws Exception {
		for (String role : new String[] { "VIEWER", "OPERATOR" }) {
			for (String path : new String[] { "/reports", "/reports/deliveries", "/reports/smtp",
					"/api/v1/reports/subscriptions", "/api/v1/reports/deliveries" }) {
				this.mvc.perform(get(path).with(user("someone").roles(role))).andExpect(status().isForbidden());
			}
			this.mvc.perform(post("/reports/smtp/test").param("address", "a@example.com")
				.with(user("someone").roles(role))
				.with(csrf())).andExpect(status().isForbidden());
		}
	}

	@Test
	void smtpPasswordIsNeverShown() throws Exception {
		this.mvc.perform(post("/reports/smtp").with(admin())
			.with(csrf())
			.param("host", "smtp.example.com")
			.param("port", "587")
			.param("security", "STARTTLS")
			.param("username", "ballast")
			.param("password", "very-secret-password")
			.param("from", "ballast@example.com")).andExpect(redirectedUrl("/reports/smtp"));
		assertThat(this.jdbc.sql("SELECT password_encrypted FROM smtp_settings").query(String.class).single())
			.doesNotContain("very-secret-password");
		this.mvc.perform(get("/reports/smtp").param("lang", "en").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("smtp.example.com")))
			.andExpect(content().string(containsString("A password is stored")))
			.andExpect(content().string(not(containsString("very-secret-password"))));
		this.mvc.perform(post("/reports/smtp").with(admin())
			.with(csrf())
			.param("lang", "en")
			.param("host", "smtp.example.com")
			.param("port", "70000")
			.param("security", "NONE")
			.param("from", "not-an-address")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Not an e-mail address.")));
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String recipients,
			String schedule, String cron) {
		return request.with(admin())
			.with(csrf())
			.param("name", "Weekly ops")
			.param("recipients", recipients)
			.param("schedule", schedule)
			.param("cron", cron)
			.param("zone", "Europe/Berlin")
			.param("language", "en")
			.param("sections", "FLEET", "CHANGES")
			.param("enabled", "true")
			.param("_enabled", "on")
			.param("_onlyWhenChanged", "on");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("admin").roles("ADMIN");
	}

}
