package dev.ballast.scan.rbac;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.isolation.RbacQuery;
import dev.ballast.isolation.RbacReport;
import dev.ballast.scan.ScanProblem;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Landed;

/**
 * RBAC of a cluster's latest landed scan, for scripts: the whole document, "who can …?", and one
 * subject's permissions.
 */
@RestController
@RequestMapping("/api/v1/clusters/{name}/isolation/rbac")
class RbacApiController {

	private static final Map<String, String> EXPECTED = Map.of("verb", "a verb such as get or delete",
			"group", "an API group, empty for the core group", "resource", "a resource such as namespaces",
			"subresource", "a subresource such as exec", "name", "an object name", "namespace", "a namespace name");

	private final StoredAnalyses analyses;

	RbacApiController(StoredAnalyses analyses) {
		this.analyses = analyses;
	}

	@GetMapping
	RbacDocument rbac(@PathVariable("name") String cluster) {
		Landed<IsolationReport> landed = landed(cluster);
		return new RbacDocument(landed.scan().id(), landed.document().rbac());
	}

	@GetMapping("/who-can")
	WhoCan whoCan(@PathVariable("name") String cluster, @RequestParam(required = false) @Nullable String verb,
			@RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable String resource,
			@RequestParam(required = false) @Nullable String subresource,
			@RequestParam(name = "name", required = false) @Nullable String objectName,
			@RequestParam(required = false) @Nullable String namespace) {
		WhoCanParams params = new WhoCanParams(verb, group, resource, subresource, objectName, namespace);
		Map<String, String> errors = params.errors();
		if (!errors.isEmpty()) {
			String field = errors.keySet().iterator().next();
			String given = switch (field) {
				case "verb" -> verb;
				case "group" -> group;
				case "resource" -> resource;
				case "subresource" -> subresource;
				case "name" -> objectName;
				default -> namespace;
			};
			throw ScanProblem.badParameter(field, (given != null) ? given : "", EXPECTED.get(field));
		}
		Landed<IsolationReport> landed = landed(cluster);
		RbacQuery.Question question = params.question();
		return new WhoCan(landed.scan().id(), question, RbacQuery.whoCan(landed.document().rbac(), question));
	}

	@GetMapping("/permissions")
	Permissions permissions(@PathVariable("name") String cluster, @RequestParam String subject) {
		Landed<IsolationReport> landed = landed(cluster);
		List<RbacQuery.Permission> permissions = RbacQuery.permissions(landed.document().rbac(), subject);
		if (permissions == null) {
			throw RbacProblem.unknownSubject(subject);
		}
		return new Permissions(landed.scan().id(), subject, permissions);
	}

	private Landed<IsolationReport> landed(String cluster) {
		return this.analyses.latestOrProblem(cluster, IsolationAnalysis.KIND, IsolationAnalysis.VERSION,
				IsolationReport.class);
	}

	/**
	 * The RBAC part of the isolation document.
	 *
	 * @param scanId the scan it was stored with
	 * @param rbac the document
	 */
	record RbacDocument(long scanId, RbacReport rbac) {
	}

	/**
	 * "Who can …?" and its answer.
	 *
	 * @param scanId the scan read
	 * @param question the question
	 * @param answers who can, with the binding, role and rule that grant it; {@code system:masters}
	 * first
	 */
	record WhoCan(long scanId, RbacQuery.Question question, List<RbacQuery.Answer> answers) {
	}

	/**
	 * A subject's permissions.
	 *
	 * @param scanId the scan read
	 * @param subject the subject's reference
	 * @param permissions its rules, with binding, role, scope and the group that stands for it
	 */
	record Permissions(long scanId, String subject, List<RbacQuery.Permission> permissions) {
	}

}
