package dev.ballast.checks;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.ballast.support.BrowserSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue page on a running Ballast: every check with its explanation, grouped by
 * category, the scoring formula, in English and Chinese, reachable from the navigation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ballast.security.admin-password=correct-horse-battery" })
class CatalogueIntegrationTests {

	@LocalServerPort
	int port;

	BrowserSession browser;

	@BeforeEach
	void signIn() {
		this.browser = new BrowserSession(this.port);
		assertThat(this.browser.login("admin", "correct-horse-battery").statusCode()).isEqualTo(302);
	}

	@Test
	void listsEveryCheckWithItsExplanationAndTheScoringFormula() {
		HttpResponse<String> page = this.browser.get("/checks?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		for (CheckDefinition check : CheckEngine.standard().catalogue()) {
			assertThat(body).as(check.id()).contains("id=\"check-" + check.id() + "\"")
				.contains(CheckTexts.english().title(check).replace("'", "&#39;"));
		}
		assertThat(body).contains("How scores are computed").contains("100 × 0.75^D × 0.97^W")
			.contains("ballast.dev/exempt").contains("badge badge-danger").contains("https://kubernetes.io/docs/")
			.contains("href=\"/checks\"").contains("Check catalogue");
	}

	@Test
	void speaksChinese() {
		String body = this.browser.get("/checks?lang=zh-CN").body();
		assertThat(body).contains("检查项目录").contains("评分如何计算").contains("特权容器");
	}

}
