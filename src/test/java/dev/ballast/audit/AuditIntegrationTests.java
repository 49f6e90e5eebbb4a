package dev.ballast.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.ballast.security.Role;
import dev.ballast.security.SignedInUser;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit of uploaded manifests on the page and in the API, on a full context: a known failing
 * fixture shows its finding and a passing one does not; the stored settings of a cluster apply
 * when asked; and every kind of bad input (a YAML bomb, a binary file, malformed YAML, an empty
 * or too large upload, an unknown content type) is a clear 4xx naming what is wrong, while an
 * unknown kind is read and counted, not an error.
 */
@SpringBootTest(properties = { "ballast.security.admin-password=first-admin-password-42",
		"management.prometheus.metrics.export.enabled=true" })
@AutoConfigureMockMvc
class AuditIntegrationTests {

	private static final Path CHECKS = Path.of("src/test/resources/fixtures/checks");

	private static final Path MANIFESTS = Path.of("src/test/resources/fixtures/manifests");

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final String WIDGET = """
			apiVersion: example.com/v1
			kind: Widget
			metadata: {name: spinner, namespace: shop}
			""";

	private static final String MALFORMED = """
			apiVersion: v1
			kind: Namespace
			metadata: {name: shop, labels: [unclosed
			""";

	@Autowired
	private MockMvc mvc;

	@Test
	void showsTheFormWithTheClustersWhoseSettingsCanApply() throws Exception {
		this.mvc.perform(get("/audit").with(as(Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("name=\"files\"")))
			.andExpect(content().string(containsString("Defaults (no stored settings)")))
			.andExpect(content().string(containsString("href=\"/audit\" aria-current=\"page\"")));
	}

	@Test
	void showsTheFindingsOfAFailingFixtureAndNoneForAPassingOne() throws Exception {
		this.mvc.perform(upload(file("files", "fail-1.yaml", read(CHECKS.resolve("privileged/fail-1.yaml")))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-check=\"privileged\"")))
			.andExpect(content().string(containsString("spec.template.spec.containers[0].securityContext.privileged")))
			.andExpect(content().string(containsString("1 object read from 1 file.")))
			.andExpect(content().string(containsString("Checked with the default settings.")))
			.andExpect(content().string(containsString("Why it matters and how to fix it")));
		this.mvc.perform(upload(file("files", "pass-1.yaml", read(CHECKS.resolve("privileged/pass-1.yaml")))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 object read from 1 file.")))
			.andExpect(content().string(not(containsString("data-check=\"privileged\""))));

		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf()).contentType(YAML)
				.content(read(CHECKS.resolve("privileged/fail-1.yaml"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.objects").value(1))
			.andExpect(jsonPath("$.score").isNumber())
			.andExpect(jsonPath("$.grade").isString())
			.andExpect(jsonPath("$.counts.danger").isNumber())
			.andExpect(jsonPath("$.findings[?(@.check == 'privileged')].container").value(hasItem("app")))
			.andExpect(jsonPath("$.findings[?(@.check == 'privileged')].kind").value(hasItem("Deployment")))
			.andExpect(jsonPath("$.findings[?(@.check == 'privileged')].namespace").value(hasItem("shop")))
			.andExpect(jsonPath("$.findings[?(@.check == 'privileged')].actual").value(hasItem("true")));
		this.mvc.perform(multipart("/api/v1/audit").file(file("file", "pass-1.yaml",
				read(CHECKS.resolve("privileged/pass-1.yaml")))).with(as(Role.VIEWER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.files").value(1))
			.andExpect(jsonPath("$.findings[?(@.check == 'privileged')]").isEmpty());
	}

	@Test
	void appliesTheStoredSettingsOfAClusterWhenAsked() throws Exception {
		String cluster = "audit-" + System.nanoTime();
		this.mvc.perform(put("/api/v1/checks/settings").with(as(Role.OPERATOR)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"cluster":"%s","checkId":"privileged","setting":"off","reason":"audited"}""".formatted(cluster)))
			.andExpect(status().isOk());
		byte[] failing = read(CHECKS.resolve("privileged/fail-1.yaml"));
		this.mvc.perform(post("/api/v1/audit").queryParam("cluster", cluster).with(as(Role.VIEWER)).with(csrf())
				.contentType(YAML).content(failing))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cluster").value(cluster))
			.andExpect(jsonPath("$.findings[?(@.check == 'privileged')]").isEmpty());
		this.mvc.perform(upload(file("files", "fail-1.yaml", failing)).param("cluster", cluster))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Checked with the settings stored for cluster " + cluster)))
			.andExpect(content().string(not(containsString("data-check=\"privileged\""))));
	}

	@Test
	void answersSarifWhenAskedFor() throws Exception {
		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf()).contentType(YAML)
				.accept("application/sarif+json").content(read(CHECKS.resolve("privileged/fail-1.yaml"))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/sarif+json"))
			.andExpect(jsonPath("$.version").value("2.1.0"))
			.andExpect(jsonPath("$.runs[0].results[*].ruleId").value(hasItem("privileged")));
	}

	@Test
	void refusesAYamlBombNamingItsDocument() throws Exception {
		byte[] bomb = read(MANIFESTS.resolve("billion-laughs.yaml"));
		this.mvc.perform(upload(file("files", "bomb.yaml", bomb)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("No Kubernetes object could be read from the upload")))
			.andExpect(content().string(containsString("bomb.yaml, document 1, line")))
			.andExpect(content().string(containsString("(a YAML bomb?)")));
		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf()).contentType(YAML).content(bomb))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/no-objects"))
			.andExpect(jsonPath("$.problems[0]").value(startsWith("request body, document 1, line")))
			.andExpect(jsonPath("$.problems[0]").value(containsString("(a YAML bomb?)")));
	}

	@Test
	void refusesABinaryFile() throws Exception {
		byte[] png = read(MANIFESTS.resolve("binary.yaml"));
		this.mvc.perform(upload(file("files", "logo.png", png)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("logo.png: binary content")));
		byte[] noise = new byte[64 * 1024];
		new Random(42).nextBytes(noise);
		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf())
				.contentType(MediaType.APPLICATION_OCTET_STREAM).content(noise))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0]").value(containsString("request body")));
	}

	@Test
	void namesTheLineOfMalformedYamlAndSkipsABadDocumentAmongGoodOnes() throws Exception {
		this.mvc.perform(upload(null).param("manifest", MALFORMED))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("pasted, document 1, line 4: invalid YAML")))
			.andExpect(content().string(containsString("labels: [unclosed")));
		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf()).contentType(YAML).content(MALFORMED))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0]").value(startsWith("request body, document 1, line 4: invalid YAML")));

		this.mvc.perform(upload(file("files", "syntax-error.yaml", read(MANIFESTS.resolve("syntax-error.yaml")))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 objects read from 1 file.")))
			.andExpect(content().string(containsString("Skipped: syntax-error.yaml, document 2, line")));
	}

	@Test
	void readsAndCountsAnUnknownKindWithoutAnError() throws Exception {
		this.mvc.perform(upload(null).param("manifest", WIDGET))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 object read from 1 file.")))
			.andExpect(content().string(containsString("id=\"audit-other-kinds\"")))
			.andExpect(content().string(containsString("they were read and counted, not checked")))
			.andExpect(content().string(containsString("Widget")));
		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf()).contentType(YAML).content(WIDGET))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.objects").value(1))
			.andExpect(jsonPath("$.otherKinds['Widget.example.com']").value(1));
	}

	@Test
	void refusesAnEmptyUpload() throws Exception {
		this.mvc.perform(upload(file("files", "empty.yaml", new byte[0])).param("manifest", "  "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Nothing to audit: the upload is empty.")));
		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf()).contentType(YAML).content(""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/empty-upload"));
		this.mvc.perform(multipart("/api/v1/audit").with(as(Role.VIEWER)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/empty-upload"));
	}

	@Test
	void refusesAnUploadOverTheLimit() throws Exception {
		MockMultipartFile big = new MockMultipartFile("files", "big.yaml", "application/yaml",
				new GeneratedYaml(100L * 1024 * 1024));
		this.mvc.perform(upload(big))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().string(containsString("The upload is larger than 20 MB")));
		this.mvc.perform(multipart("/api/v1/audit").file(new MockMultipartFile("file", "big.yaml", "application/yaml",
				big.getBytes())).with(as(Role.VIEWER)).with(csrf()))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.type").value("https://ballast.dev/problems/upload-too-large"));
		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf()).contentType(YAML)
				.content(big.getBytes()))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("20 MB")));
	}

	@Test
	void refusesAContentTypeItCannotRead() throws Exception {
		this.mvc.perform(post("/api/v1/audit").with(as(Role.VIEWER)).with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b"))
			.andExpect(status().isUnsupportedMediaType());
	}

	private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(
			MockMultipartFile file) {
		var request = multipart("/audit");
		if (file != null) {
			request.file(file);
		}
		request.with(as(Role.VIEWER)).with(csrf());
		return request;
	}

	private static MockMultipartFile file(String part, String name, byte[] content) {
		return new MockMultipartFile(part, name, "application/octet-stream", content);
	}

	private static byte[] read(Path path) throws IOException {
		return Files.readAllBytes(path);
	}

	private static RequestPostProcessor as(Role role) {
		SignedInUser user = new SignedInUser(0, "audit-" + role.name().toLowerCase(), role);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
	}

	/** Endless-looking YAML of a given size, generated as it is read. */
	static final class GeneratedYaml extends InputStream {

		private static final byte[] LINE = "  key-0000: some value of a config map\n".getBytes(StandardCharsets.UTF_8);

		private static final byte[] HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n"
			.getBytes(StandardCharsets.UTF_8);

		private final long size;

		private long served;

		GeneratedYaml(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (this.served >= this.size) {
				return -1;
			}
			long at = this.served++;
			return (at < HEAD.length) ? HEAD[(int) at] : LINE[(int) ((at - HEAD.length) % LINE.length)];
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.served >= this.size) {
				return -1;
			}
			int count = (int) Math.min(length, this.size - this.served);
			for (int i = 0; i < count; i++) {
				buffer[offset + i] = (byte) read();
			}
			return count;
		}

	}

}
