package dev.ballast.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.ballast.support.BrowserSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell as a signed-in user meets it on a running Ballast: layout, demo cluster, language,
 * analysis areas' landing, and errors without internals for pages and for the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ballast.demo=true", "ballast.security.admin-password=correct-horse-battery" })
class WebIntegrationTests {

	@LocalServerPort
	int port;

	BrowserSession browser;

	@BeforeEach
	void signIn() {
		this.browser = new BrowserSession(this.port);
		HttpResponse<String> login = this.browser.login("admin", "correct-horse-battery");
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void overviewShowsTheDemoClusterInTheLayout() {
		HttpResponse<String> page = this.browser.get("/?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Demo cluster").contains("Node sizing").contains("CIDR capacity")
			.contains("Taint map").contains("Isolation").contains("Reports").contains("Settings");
	}

	@Test
	void everyPageListsTheClustersInItsNavigationButTheApiDoesNotNeedThem() {
		for (String path : new String[] { "/checks?lang=en", "/settings?lang=en" }) {
			assertThat(this.browser.get(path).body()).as(path)
				.contains("class=\"nav-clusters\"")
				.contains("href=\"/clusters/demo\"");
		}
		assertThat(this.browser.get("/api/v1/clusters", "application/json").statusCode()).isEqualTo(200);
	}

	@Test
	void analysisAreasOpenTheFirstClusterOrTheOneAsked() {
		for (String area : new String[] { "sizing", "cidr", "taints", "isolation" }) {
			HttpResponse<String> page = this.browser.get("/" + area);
			assertThat(page.statusCode()).as(area).isEqualTo(302);
			assertThat(page.headers().firstValue("Location")).as(area).hasValueSatisfying(
					(location) -> assertThat(location).endsWith("/clusters/demo/" + area));
			assertThat(this.browser.get("/" + area + "?cluster=no-such").headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/clusters/demo/" + area));
		}
	}

	@Test
	void switchesToChineseAndRemembersIt() {
		assertThat(this.browser.get("/?lang=zh-CN").body()).contains("总览").contains("lang=\"zh-CN\"");
		assertThat(this.browser.get("/clusters").body()).contains("集群").contains("演示");
		assertThat(this.browser.get("/?lang=en").body()).contains("Overview");
		assertThat(this.browser.get("/clusters").body()).contains("Registered");
	}

	@Test
	void unknownPageShowsTheNotFoundPageWithoutInternals() {
		HttpResponse<String> page = this.browser.get("/no-such-page?lang=en");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Not found").doesNotContain("Exception").doesNotContain("at dev.ballast");
	}

	@Test
	void unknownClusterIsANotFoundPage() {
		HttpResponse<String> page = this.browser.get("/clusters/no-such-cluster?lang=en");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Not found");
	}

	@Test
	void unknownApiUrlIsAProblemDetailEvenForABrowser() {
		for (String accept : new String[] { "application/json", "text/html" }) {
			HttpResponse<String> response = this.browser.get("/api/v1/no-such-thing", accept);
			assertThat(response.statusCode()).as(accept).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(accept)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).as(accept).contains("\"status\":404").doesNotContain("trace");
		}
	}

	@Test
	void servesItsOwnAssets() {
		assertThat(this.browser.get("/", "text/html").body()).containsPattern("/assets/ballast-style-[0-9a-f]+\\.css");
		assertThat(this.browser.get("/assets/ballast-style.css", "text/css").statusCode()).isEqualTo(200);
		assertThat(this.browser.get("/assets/ballast.js", "*/*").statusCode()).isEqualTo(200);
	}

}
