package dev.ballast.scan.dashboard;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.ballast.checks.CheckRequestException;
import dev.ballast.checks.Subject;
import dev.ballast.checks.WorkloadExemptions;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.FindingQuery;
import dev.ballast.scan.History;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanTrigger;
import dev.ballast.scan.Scans;
import dev.ballast.scan.ScoreRow;
import dev.ballast.scan.internal.FactStore;
import dev.ballast.scan.internal.ScanStore;

/**
 * The workload page: score and grade, findings by check category with why they matter and how to
 * fix them, exempted findings apart, its pods and where they run, labels and annotations, and its
 * score history, from the latest landed scan of the cluster. Reading is VIEWER; exempting a check
 * on the workload (which starts a scan, so the score changes when it lands) is OPERATOR.
 */
@Controller
class WorkloadPageController {

	static final String VIEW = "scan/workload";

	static final String PATH = "/clusters/{name}/workloads/{namespace}/{kind}/{workload}";

	/** More findings than one workload has in practice (about a hundred checks, a few containers). */
	static final int FINDINGS = 1000;

	private final Clusters clusters;

	private final ScanStore store;

	private final History history;

	private final FactStore facts;

	private final WorkloadExemptions exemptions;

	private final Scans scans;

	WorkloadPageController(Clusters clusters, ScanStore store, History history, FactStore facts,
			WorkloadExemptions exemptions, Scans scans) {
		this.clusters = clusters;
		this.store = store;
		this.history = history;
		this.facts = facts;
		this.exemptions = exemptions;
		this.scans = scans;
	}

	@GetMapping(PATH)
	String workload(@PathVariable String name, @PathVariable String namespace, @PathVariable String kind,
			@PathVariable String workload, Model model) {
		page(name, namespace, kind, workload, model);
		return VIEW;
	}

	@PostMapping(PATH + "/exemptions")
	String exempt(@PathVariable String name, @PathVariable String namespace, @PathVariable String kind,
			@PathVariable String workload, @Valid @ModelAttribute("exemptForm") WorkloadExemptionForm form,
			BindingResult result, Principal user, Model model, RedirectAttributes redirect) {
		ScoreRow seen = page(name, namespace, kind, workload, model);
		if (result.hasErrors() || seen == null) {
			return VIEW;
		}
		String cluster = seen.cluster();
		String canonicalKind = String.valueOf(seen.kind());
		try {
			this.exemptions.exempt(cluster, new Subject(canonicalKind, namespace, workload),
					String.valueOf(form.checkId()).strip(), String.valueOf(form.reason()).strip(),
					form.lastDay(LocalDate.now(ZoneOffset.UTC)), user.getName());
		}
		catch (CheckRequestException ex) {
			result.rejectValue((ex.field() != null && !"checkId".equals(ex.field())) ? ex.field() : "checkId",
					ex.messageCode(), ex.arguments(), null);
			return VIEW;
		}
		Scans.Ticket ticket = this.scans.trigger(cluster, ScanTrigger.MANUAL, user.getName());
		// a scan already running may have read the configuration before the exemption was saved
		redirect.addFlashAttribute("flashMessage",
				ticket.joined() ? "workload.flash.exempted-joined" : "workload.flash.exempted");
		redirect.addFlashAttribute("exemptionScan", ticket.scanId());
		return "redirect:" + UriComponentsBuilder.fromPath(PATH)
			.buildAndExpand(cluster, namespace, canonicalKind, workload)
			.encode()
			.toUriString();
	}

	/**
	 * Fills the model of the page.
	 * @return the workload's score in the latest landed scan, or {@code null} before the first scan
	 * @throws NotInScanException if that scan did not see the workload
	 */
	private @Nullable ScoreRow page(String name, String namespace, String kind, String workload, Model model) {
		PageScan page = PageScan.of(this.clusters, this.store, name);
		String cluster = page.cluster().getName();
		model.addAttribute("cluster", page.cluster());
		model.addAttribute("namespace", namespace);
		model.addAttribute("kind", kind);
		model.addAttribute("name", workload);
		if (!model.containsAttribute("exemptForm")) {
			model.addAttribute("exemptForm", new WorkloadExemptionForm(null, null, null));
		}
		Scan scan = page.scan();
		if (scan == null) {
			return null;
		}
		ScoreRow score = this.history.scores(cluster, scan.id(), "workload", namespace)
			.stream()
			.filter((row) -> workload.equals(row.name()) && kind.equalsIgnoreCase(row.kind()))
			.findFirst()
			.orElseThrow(() -> new NotInScanException(cluster, namespace + "/" + kind + "/" + workload));
		model.addAttribute("kind", score.kind());
		model.addAttribute("scan", scan);
		model.addAttribute("score", score);
		model.addAttribute("trend", PageScan.trend(this.history, cluster, namespace, score.kind(), workload));
		if (page.hasFacts()) {
			model.addAttribute("facts", this.facts.workload(scan.id(), namespace, score.kind(), workload).orElse(null));
			FindingQuery query = new FindingQuery(cluster, scan.id(), namespace, workload, score.kind(), List.of(),
					List.of(), "all");
			model.addAttribute("findings", FindingGroups.of(this.history.findings(query, null, FINDINGS).items()));
		}
		return score;
	}

}
