package dev.ballast.scan.cidr;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.ballast.cluster.Clusters;
import dev.ballast.network.Cidr;
import dev.ballast.network.CidrPlan;
import dev.ballast.network.NetworkAnalysis;
import dev.ballast.network.NetworkCapacity;
import dev.ballast.network.NetworkOverrides;
import dev.ballast.network.NetworkReport;
import dev.ballast.scan.StoredAnalyses.Stored;
import dev.ballast.scan.cidr.CidrForms.OverridesForm;
import dev.ballast.scan.cidr.CidrForms.PlanForm;
import dev.ballast.scan.dashboard.AreaPages;

/**
 * The CIDR page of a cluster: the network model discovered and its evidence, pod and service
 * addresses used and left, the nodes that can still join, the forecast of exhaustion, the
 * planner (GET, VIEWER) and the overrides (POST, ADMIN).
 */
@Controller
class CidrPageController {

	static final String VIEW = "cidr/page";

	private final AreaPages pages;

	private final CidrReads reads;

	private final OverrideStore store;

	private final Clusters clusters;

	CidrPageController(AreaPages pages, CidrReads reads, OverrideStore store, Clusters clusters) {
		this.pages = pages;
		this.reads = reads;
		this.store = store;
		this.clusters = clusters;
	}

	@GetMapping("/clusters/{name}/cidr")
	String page(@PathVariable String name, @ModelAttribute("plan") PlanForm plan, BindingResult planErrors, Model model) {
		NetworkReport report = prepare(name, model, null);
		if (plan.submitted()) {
			model.addAttribute("planned", plan.plan(planErrors, (report != null) ? currentPodRange(model) : null));
		}
		else if (report != null) {
			model.addAttribute("plan", new PlanForm(String.valueOf(Math.max(1, report.usage().nodes() * 2)),
					String.valueOf(typicalMaxPods(report)), "100", null));
		}
		return VIEW;
	}

	@PostMapping("/clusters/{name}/cidr/overrides")
	String overrides(@PathVariable String name, @ModelAttribute("overridesForm") OverridesForm form,
			BindingResult errors, @RequestParam(defaultValue = "save") String action, Principal user, Model model,
			RedirectAttributes redirect) {
		long clusterId = Objects.requireNonNull(this.clusters.byName(name).getId());
		String target = UriComponentsBuilder.fromPath("/clusters/{name}/cidr").buildAndExpand(name).toUriString();
		if (action.equals("clear")) {
			this.store.delete(clusterId);
			redirect.addFlashAttribute("flashMessage", "network.overrides.cleared");
			return "redirect:" + target;
		}
		NetworkOverrides overrides = form.overrides(errors);
		if (overrides == null) {
			prepare(name, model, form);
			model.addAttribute("plan", new PlanForm(null, null, null, null));
			model.addAttribute("overridesOpen", true);
			return VIEW;
		}
		this.store.save(clusterId, overrides, user.getName(), Instant.now());
		redirect.addFlashAttribute("flashMessage", overrides.isEmpty() ? "network.overrides.cleared" : "network.overrides.saved");
		return "redirect:" + target;
	}

	private @Nullable NetworkReport prepare(String name, Model model, @Nullable OverridesForm form) {
		Stored<NetworkReport> stored = this.pages.prepare(model, "cidr", name, NetworkAnalysis.KIND, NetworkAnalysis.VERSION,
				NetworkReport.class);
		long clusterId = Objects.requireNonNull(this.clusters.byName(name).getId());
		OverrideStore.Stored overrides = this.reads.overrides(clusterId);
		if (!model.containsAttribute("overridesForm")) {
			model.addAttribute("overridesForm", (form != null) ? form : OverridesForm.of(overrides.overrides()));
		}
		model.addAttribute("modes", NetworkReport.Mode.values());
		if (stored == null || stored.document() == null) {
			return null;
		}
		CidrReads.CidrAnswer answer = this.reads.answer(clusterId, stored.scan(), stored.document());
		model.addAttribute("answer", answer);
		model.addAttribute("primary", answer.capacity().families().isEmpty() ? null : answer.capacity().families().get(0));
		return stored.document();
	}

	private static @Nullable Cidr currentPodRange(Model model) {
		Object primary = model.getAttribute("primary");
		if (primary instanceof NetworkCapacity.Family family && family.pod() != null) {
			return Cidr.parseOrNull(family.pod().cidr());
		}
		return null;
	}

	/** The most common pod limit of the nodes, 110 (the kubelet default) without nodes. */
	static int typicalMaxPods(NetworkReport report) {
		java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
		report.nodes().forEach((n) -> counts.merge(n.maxPods(), 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.filter((e) -> e.getKey() > 0)
			.max(java.util.Map.Entry.<Integer, Integer>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()))
			.map(java.util.Map.Entry::getKey)
			.orElse(110);
	}

}
