package dev.ballast.audit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.ballast.support.BrowserSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100 MB sent to a running Ballast over real HTTP, streamed as it is generated: the page and the
 * API answer 413 promptly, whether the length is announced or not, and the client reads the
 * answer instead of a reset connection.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ballast.security.admin-password=" + AuditUploadLimitIntegrationTests.PASSWORD })
class AuditUploadLimitIntegrationTests {

	static final String PASSWORD = "audit-admin-password-42";

	private static final long HUNDRED_MB = 100L * 1024 * 1024;

	private static final Duration PROMPTLY = Duration.ofSeconds(30);

	private static final Pattern TOKEN = Pattern.compile("blst_[A-Za-z0-9_-]+");

	private static final String BOUNDARY = "ballast-audit-boundary";

	@LocalServerPort
	int port;

	private BrowserSession browser;

	@BeforeEach
	void signIn() {
		this.browser = new BrowserSession(this.port);
		assertThat(this.browser.login("admin", PASSWORD).statusCode()).isEqualTo(302);
	}

	@Test
	void thePageAnswersA100MegabyteUploadWithThe413Page() {
		this.browser.get("/audit");
		HttpResponse<String> response = timed(() -> this.browser.send(multipart("/audit", "files", "text/html", true)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(response.body()).contains("Too large").doesNotContain("Exception");
	}

	@Test
	void theApiAnswersA100MegabyteBodyWithAProblem() {
		String token = token();
		for (boolean announced : List.of(true, false)) {
			HttpRequest request = HttpRequest.newBuilder(this.browser.uri("/api/v1/audit"))
				.version(HttpClient.Version.HTTP_1_1)
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/yaml")
				.POST(body(() -> new AuditIntegrationTests.GeneratedYaml(HUNDRED_MB), announced ? HUNDRED_MB : -1))
				.build();
			HttpResponse<String> response = timed(() -> this.browser.send(request));
			assertThat(response.statusCode()).as("length announced: %s", announced).isEqualTo(413);
			assertThat(response.body()).contains("https://ballast.dev/problems/upload-too-large").contains("20 MB");
		}
		HttpRequest files = multipart("/api/v1/audit", "file", "application/json", true);
		HttpResponse<String> response = timed(() -> this.browser.send(HttpRequest.newBuilder(files, (name, value) -> true)
			.header("Authorization", "Bearer " + token)
			.build()));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

		HttpResponse<String> form = this.browser.send(HttpRequest.newBuilder(this.browser.uri("/api/v1/audit"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("kind=Deployment"))
			.build());
		assertThat(form.statusCode()).isEqualTo(415);
		assertThat(form.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	private String token() {
		this.browser.get("/settings/tokens");
		Matcher token = TOKEN.matcher(this.browser.post("/settings/tokens", Map.of("name", "audit", "expiresInDays", "1"))
			.body());
		assertThat(token.find()).isTrue();
		return token.group();
	}

	private HttpRequest multipart(String path, String part, String accept, boolean announced) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
				+ this.browser.csrfToken() + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part
				+ "\"; filename=\"big.yaml\"\r\nContent-Type: application/yaml\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		Supplier<InputStream> stream = () -> new SequenceInputStream(new ByteArrayInputStream(head),
				new SequenceInputStream(new AuditIntegrationTests.GeneratedYaml(HUNDRED_MB), new ByteArrayInputStream(tail)));
		return HttpRequest.newBuilder(this.browser.uri(path))
			.version(HttpClient.Version.HTTP_1_1)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Accept", accept)
			.POST(body(stream, announced ? head.length + HUNDRED_MB + tail.length : -1))
			.build();
	}

	private static HttpRequest.BodyPublisher body(Supplier<InputStream> stream, long length) {
		HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(stream);
		return (length < 0) ? chunked : HttpRequest.BodyPublishers.fromPublisher(chunked, length);
	}

	private static HttpResponse<String> timed(Supplier<HttpResponse<String>> call) {
		long start = System.nanoTime();
		HttpResponse<String> response = call.get();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
		return response;
	}

}
