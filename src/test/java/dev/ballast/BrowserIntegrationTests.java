package dev.ballast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanTrigger;
import dev.ballast.scan.Scans;
import dev.ballast.support.BrowserSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ballast in a real browser: starts the application with the demo cluster and a cluster whose
 * manifests carry markup (both scanned twice), a viewer, an operator and the admin, then runs the
 * browser tests in {@code frontend/e2e/} ({@code node --test}, Playwright driving Debian's
 * headless Chromium) against it. Their output goes to this test's log; screenshots of every page
 * go to {@code target/browser-screenshots/}. Without Chromium, Node.js or the front end's
 * node_modules this test fails and says what to install.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ballast.demo=true", "ballast.security.admin-password=" + BrowserIntegrationTests.ADMIN_PASSWORD })
class BrowserIntegrationTests {

	static final String ADMIN_PASSWORD = "browser-admin-password-42";

	private static final String PASSWORD = "browser-user-password-42";

	private static final String MARKUP_CLUSTER = "markup";

	private static final Path FRONTEND = Path.of("frontend").toAbsolutePath();

	private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots").toAbsolutePath();

	private static final Duration NODE_TIMEOUT = Duration.ofMinutes(10);

	@LocalServerPort
	int port;

	@Autowired
	Scans scans;

	@Autowired
	JdbcClient jdbc;

	/** Before Ballast starts: the browser, Node.js and the front end's packages, or what to install. */
	@BeforeAll
	static void prerequisites() throws InterruptedException {
		String chromium = chromium();
		assertThat(Files.isExecutable(Path.of(chromium)))
			.as("The browser tests need Chromium at %s: install Debian's package (apt-get install chromium "
					+ "fonts-wqy-microhei) or set BALLAST_CHROMIUM to a Chromium or Chrome executable", chromium)
			.isTrue();
		assertThat(nodeWorks())
			.as("The browser tests need Node.js 20 or newer on the PATH (apt-get install nodejs npm)")
			.isTrue();
		for (String module : new String[] { "playwright-core", "axe-core" }) {
			assertThat(FRONTEND.resolve("node_modules").resolve(module))
				.as("The browser tests need %s in frontend/node_modules: run 'npm ci' in frontend/ (the Maven build "
						+ "does it unless -Dnpm.skip=true)", module)
				.isDirectory();
		}
	}

	@Test
	void pagesWorkInABrowser(@TempDir Path signIns) throws Exception {
		BrowserSession admin = new BrowserSession(this.port);
		admin.login("admin", ADMIN_PASSWORD);
		createUser(admin, "browser-viewer", "VIEWER");
		createUser(admin, "browser-operator", "OPERATOR");
		this.jdbc.sql("""
				INSERT INTO cluster (name, display_name, source, manifest_location, created_at, created_by)
				VALUES (?, 'Markup cluster', 'MANIFESTS', ?, now(), 'test')
				""")
			.params(MARKUP_CLUSTER, Path.of("src/test/resources/fixtures/browser/markup").toAbsolutePath().toString())
			.update();
		for (String cluster : new String[] { "demo", "demo", MARKUP_CLUSTER, MARKUP_CLUSTER }) {
			awaitLanded(this.scans.trigger(cluster, ScanTrigger.API, "browser-tests").scanId());
		}
		clean(SCREENSHOTS);

		// -Dballast.browser-tests=dashboard.test.mjs runs one file while working on it
		String only = System.getProperty("ballast.browser-tests", "");
		ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "--test-concurrency=1",
				FRONTEND.resolve("e2e") + "/" + only)
			.directory(FRONTEND.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = node.environment();
		env.put("BALLAST_URL", "http://127.0.0.1:" + this.port);
		env.put("BALLAST_CHROMIUM", chromium());
		env.put("BALLAST_ADMIN_USER", "admin");
		env.put("BALLAST_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("BALLAST_OPERATOR_USER", "browser-operator");
		env.put("BALLAST_OPERATOR_PASSWORD", PASSWORD);
		env.put("BALLAST_VIEWER_USER", "browser-viewer");
		env.put("BALLAST_VIEWER_PASSWORD", PASSWORD);
		env.put("BALLAST_SCREENSHOTS", SCREENSHOTS.toString());
		env.put("BALLAST_STATE_DIR", signIns.toString());
		env.put("BALLAST_XSS_CLUSTER", MARKUP_CLUSTER);
		Instant started = Instant.now();
		Run run = run(node);
		System.out.printf("Browser tests took %d s; screenshots in %s%n",
				Duration.between(started, Instant.now()).toSeconds(), SCREENSHOTS);
		assertThat(run.exit()).as("node --test frontend/e2e/ failed:%n%s", run.tail()).isZero();
	}

	private static String chromium() {
		return System.getenv().getOrDefault("BALLAST_CHROMIUM", "/usr/bin/chromium");
	}

	private static boolean nodeWorks() throws InterruptedException {
		try {
			Process process = new ProcessBuilder("node", "-e",
					"process.exit(Number(process.versions.node.split('.')[0]) >= 20 ? 0 : 1)")
				.redirectErrorStream(true)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void createUser(BrowserSession admin, String username, String role) {
		admin.get("/settings/users/new");
		assertThat(admin.post("/settings/users", Map.of("username", username, "role", role, "password", PASSWORD))
			.statusCode()).as("user %s created", username).isEqualTo(302);
	}

	private void awaitLanded(long scanId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		Scan scan = this.scans.get(scanId);
		while (!scan.state().finished() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			scan = this.scans.get(scanId);
		}
		assertThat(scan.state().landed()).as("scan %d of %s landed: %s", scanId, scan.cluster(), scan.error()).isTrue();
	}

	private static void clean(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".png")).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	/** Runs node, copying its output to the test log as it comes, and keeps the end of it. */
	private static Run run(ProcessBuilder builder) throws IOException, InterruptedException {
		Process process = builder.start();
		Deque<String> tail = new ArrayDeque<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					System.out.println(line);
					synchronized (tail) {
						tail.addLast(line);
						if (tail.size() > 400) {
							tail.removeFirst();
						}
					}
				}
			}
			catch (IOException ex) {
				// the process ended; what was read is in the log
			}
		}, "browser-tests-output");
		reader.start();
		boolean finished = process.waitFor(NODE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		reader.join(10_000);
		synchronized (tail) {
			String output = String.join(System.lineSeparator(), tail);
			return finished ? new Run(process.exitValue(), output)
					: new Run(-1, output + System.lineSeparator() + "(stopped after " + NODE_TIMEOUT.toMinutes() + " minutes)");
		}
	}

	private record Run(int exit, String tail) {
	}

}
