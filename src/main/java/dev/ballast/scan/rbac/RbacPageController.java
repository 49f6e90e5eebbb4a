package dev.ballast.scan.rbac;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.isolation.RbacQuery;
import dev.ballast.isolation.RbacReport;
import dev.ballast.isolation.RbacRisks;
import dev.ballast.scan.StoredAnalyses.Stored;
import dev.ballast.scan.dashboard.AreaPages;

/**
 * A cluster's RBAC page: risky subjects, "who can …?" (a GET form: bookmarkable) and, on demand,
 * one subject's effective permissions. Reads the isolation document of the latest landed scan.
 */
@Controller
class RbacPageController {

	private final AreaPages pages;

	RbacPageController(AreaPages pages) {
		this.pages = pages;
	}

	@GetMapping("/clusters/{name}/isolation/rbac")
	String rbac(@PathVariable("name") String cluster, @RequestParam(required = false) @Nullable String verb,
			@RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable String resource,
			@RequestParam(required = false) @Nullable String subresource,
			@RequestParam(name = "name", required = false) @Nullable String objectName,
			@RequestParam(required = false) @Nullable String namespace,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(defaultValue = "false") boolean system, Model model) {
		Stored<IsolationReport> stored = this.pages.prepare(model, "isolation", cluster, IsolationAnalysis.KIND,
				IsolationAnalysis.VERSION, IsolationReport.class);
		WhoCanParams params = new WhoCanParams(verb, group, resource, subresource, objectName, namespace);
		model.addAttribute("whoValues", params.values());
		model.addAttribute("showSystem", system);
		model.addAttribute("riskIds", RbacRisks.ids());
		if (stored == null || stored.document() == null) {
			return "rbac/rbac";
		}
		RbacReport report = stored.document().rbac();
		model.addAttribute("rbac", report);
		model.addAttribute("view", RbacView.of(report, system));
		if (params.asked()) {
			Map<String, String> errors = params.errors();
			model.addAttribute("errors", errors);
			if (errors.isEmpty()) {
				List<RbacQuery.Answer> answers = RbacQuery.whoCan(report, params.question());
				model.addAttribute("answers", answers.stream().filter((a) -> system || !a.system()
						|| "masters".equals(a.covers())).toList());
				model.addAttribute("hiddenAnswers", answers.stream().filter((a) -> !system && a.system()
						&& !"masters".equals(a.covers())).count());
			}
		}
		if (subject != null && !subject.isBlank()) {
			model.addAttribute("subject", subject);
			model.addAttribute("permissions", RbacQuery.permissions(report, subject));
		}
		return "rbac/rbac";
	}

}
