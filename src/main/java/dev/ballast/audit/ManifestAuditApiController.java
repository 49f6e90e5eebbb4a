package dev.ballast.audit;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.ballast.audit.internal.AuditResult;
import dev.ballast.audit.internal.Locations;
import dev.ballast.audit.internal.SarifFormat;
import dev.ballast.checks.Finding;
import dev.ballast.snapshot.ManifestReader;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/v1/audit} (VIEWER): the audit of manifests sent as the request body (YAML,
 * JSON, a zip or tar(.gz) archive) or as multipart {@code file} parts, with the stored check
 * settings of {@code ?cluster=} or the defaults. Answers the report as JSON, or SARIF for
 * {@code Accept: application/sarif+json}; nothing is saved. Bad input is a problem detail: 400
 * nothing sent, 413 too large, 415 an unknown content type, 422 nothing readable.
 */
@RestController
class ManifestAuditApiController {

	static final MediaType SARIF = MediaType.parseMediaType("application/sarif+json");

	private static final String BODY_NAME = "request body";

	private final UploadAudit audit;

	ManifestAuditApiController(UploadAudit audit) {
		this.audit = audit;
	}

	@PostMapping(path = "/api/v1/audit",
			consumes = { "application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain",
					"application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
					"application/octet-stream" })
	ResponseEntity<Object> body(HttpServletRequest request, InputStream body,
			@RequestParam(required = false) @Nullable String cluster,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		// refused at once when the length is known; the rest is swallowed so the client reads the answer
		this.audit.admit(request.getContentLengthLong());
		return answer(this.audit.audit(List.of(new ManifestReader.Source(BODY_NAME, () -> body)), cluster), accept);
	}

	@PostMapping(path = "/api/v1/audit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Object> files(@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
			@RequestParam(required = false) @Nullable String cluster,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return answer(this.audit.audit(this.audit.files(files), cluster), accept);
	}

	private static ResponseEntity<Object> answer(UploadAudit.Outcome outcome, @Nullable String accept) {
		if (accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(SARIF::equalsTypeAndSubtype)) {
			AuditResult result = new AuditResult(outcome.report(), Locations.of(List.of()), outcome.objects(), null,
					null, AuditCommand.version());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
				new SarifFormat().write(result, print);
			}
			return ResponseEntity.ok().contentType(SARIF).body(out.toString(StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Report.of(outcome));
	}

	/**
	 * The audit as JSON.
	 *
	 * @param score the score of all objects, 0 to 100
	 * @param grade its letter grade
	 * @param counts counted findings per severity, then exempted ones
	 * @param findings every finding, exempted ones marked
	 * @param warnings documents skipped and other warnings
	 * @param objects Kubernetes objects read
	 * @param files uploads they were read from
	 * @param otherKinds objects of kinds no check looks at, by kind
	 * @param cluster whose stored settings applied, {@code null} for the defaults
	 */
	record Report(int score, String grade, Map<String, Integer> counts, List<Item> findings, List<String> warnings,
			int objects, int files, Map<String, Integer> otherKinds, @Nullable String cluster) {

		static Report of(UploadAudit.Outcome outcome) {
			return new Report(outcome.report().cluster().value(), outcome.report().cluster().grade(), outcome.counts(),
					outcome.report().findings().stream().map(Item::of).toList(), outcome.warnings(), outcome.objects(),
					outcome.files(), outcome.otherKinds(), outcome.cluster());
		}

	}

	/**
	 * One finding.
	 *
	 * @param check the check's id
	 * @param title the check's title, in English
	 * @param severity {@code danger}, {@code warning} or {@code info}
	 * @param kind the subject's kind
	 * @param namespace its namespace, {@code null} when cluster-scoped
	 * @param name its name
	 * @param container the container, for container checks
	 * @param path the offending field
	 * @param actual its actual value or state
	 * @param exempted why the finding is exempted, {@code null} if it counts
	 */
	record Item(String check, String title, String severity, String kind, @Nullable String namespace, String name,
			@Nullable String container, String path, String actual, @Nullable String exempted) {

		static Item of(Finding finding) {
			return new Item(finding.checkId(), AuditResult.TEXTS.title(finding.check()), finding.severity().key(),
					finding.subject().kind(), finding.subject().clusterScoped() ? null : finding.subject().namespace(),
					finding.subject().name(), finding.container(), finding.path(), finding.actual(),
					(finding.exempted() != null) ? finding.exempted().reason() : null);
		}

	}

}
