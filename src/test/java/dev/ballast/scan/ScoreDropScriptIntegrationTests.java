package dev.ballast.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.ballast.support.BrowserSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline script of the README, {@code docs/examples/fail-on-score-drop.sh}, run with curl
 * and jq against a running Ballast with a real API token: it passes while the score holds and
 * fails, listing the new findings, once a configuration change lowers the score.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ballast.demo=true", "ballast.security.admin-password=" + ScoreDropScriptIntegrationTests.PASSWORD })
class ScoreDropScriptIntegrationTests {

	static final String PASSWORD = "script-admin-password-42";

	private static final Pattern TOKEN = Pattern.compile("blst_[A-Za-z0-9_-]+");

	@LocalServerPort
	int port;

	@Autowired
	Scans scans;

	@Autowired
	History history;

	@Test
	void failsThePipelineWhenTheScoreDropsAndNamesTheNewFindings() throws Exception {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login("admin", PASSWORD);
		browser.get("/settings/tokens");
		Matcher token = TOKEN.matcher(browser.post("/settings/tokens", Map.of("name", "pipeline", "expiresInDays", "7"))
			.body());
		assertThat(token.find()).as("the created token is shown once").isTrue();

		await(this.scans.trigger("demo", ScanTrigger.API, "pipeline").scanId());
		await(this.scans.trigger("demo", ScanTrigger.API, "pipeline").scanId());
		Result steady = run(token.group());
		assertThat(steady.exit()).as(steady.output()).isZero();
		assertThat(steady.output()).contains("demo: score").contains("(0) since yesterday");

		// a warning check that fails in the demo becomes a danger: the score drops
		String warning = this.history.findings(new FindingQuery("demo", null, null, null, null, java.util.List.of(),
				java.util.List.of("warning"), "failing"), null, 1).items().get(0).check();
		browser.get("/checks/settings");
		assertThat(browser.post("/checks/settings", Map.of("cluster", "demo", "checkId", warning, "setting", "danger",
				"reason", "stricter for the pipeline test")).statusCode()).isIn(200, 302);
		await(this.scans.trigger("demo", ScanTrigger.API, "pipeline").scanId());
		Result dropped = run(token.group());
		assertThat(dropped.exit()).as(dropped.output()).isEqualTo(1);
		assertThat(dropped.output()).contains("The score dropped");

		Result refused = run("blst_not-a-token");
		assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
	}

	private Result run(String token) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", Path.of("docs/examples/fail-on-score-drop.sh").toString(),
				"demo", "0", "yesterday").redirectErrorStream(true);
		builder.environment().put("BALLAST_URL", "http://localhost:" + this.port);
		builder.environment().put("BALLAST_TOKEN", token);
		Process process = builder.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
				StandardCharsets.UTF_8));
	}

	private void await(long scanId) throws InterruptedException {
		assertThat(ScanTestSupport.awaitFinished(this.scans, scanId).state().landed()).isTrue();
	}

	private record Result(int exit, String output) {
	}

}
