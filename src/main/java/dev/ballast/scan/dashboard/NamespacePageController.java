package dev.ballast.scan.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.ballast.cluster.Clusters;
import dev.ballast.scan.FindingQuery;
import dev.ballast.scan.FindingRow;
import dev.ballast.scan.History;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScoreRow;
import dev.ballast.scan.internal.FactStore;
import dev.ballast.scan.internal.NamespaceFacts;
import dev.ballast.scan.internal.ScanStore;

/**
 * The namespace page: its posture (LimitRange, quotas, default-deny NetworkPolicies, Pod Security
 * admission), its score and score history, its workloads and its findings, all from the latest
 * landed scan of the cluster. Reading is VIEWER.
 */
@Controller
class NamespacePageController {

	/** Findings shown on the page; the findings explorer has them all. */
	static final int FINDINGS = 25;

	private static final List<String> SEVERITIES = List.of("danger", "warning");

	private final Clusters clusters;

	private final ScanStore store;

	private final History history;

	private final FactStore facts;

	NamespacePageController(Clusters clusters, ScanStore store, History history, FactStore facts) {
		this.clusters = clusters;
		this.store = store;
		this.history = history;
		this.facts = facts;
	}

	@GetMapping("/clusters/{name}/namespaces/{namespace}")
	String namespace(@PathVariable String name, @PathVariable String namespace, Model model) {
		PageScan page = PageScan.of(this.clusters, this.store, name);
		model.addAttribute("cluster", page.cluster());
		model.addAttribute("namespace", namespace);
		Scan scan = page.scan();
		if (scan == null) {
			return "scan/namespace";
		}
		String cluster = page.cluster().getName();
		List<ScoreRow> scores = this.history.scores(cluster, scan.id(), "namespace", namespace);
		NamespaceFacts posture = page.hasFacts() ? this.facts.namespace(scan.id(), namespace).orElse(null) : null;
		if (scores.isEmpty() && posture == null) {
			throw new NotInScanException(cluster, namespace);
		}
		model.addAttribute("scan", scan);
		model.addAttribute("score", scores.isEmpty() ? null : scores.get(0));
		model.addAttribute("posture", posture);
		model.addAttribute("workloads", this.history.scores(cluster, scan.id(), "workload", namespace));
		model.addAttribute("trend", PageScan.trend(this.history, cluster, namespace, null, null));
		if (page.hasFacts()) {
			model.addAttribute("findings", findings(cluster, scan.id(), namespace));
			model.addAttribute("findingsLimit", FINDINGS);
		}
		return "scan/namespace";
	}

	/**
	 * The failing danger and warning findings of the namespace itself (a missing LimitRange, say)
	 * first, then those of what is in it, in report order.
	 */
	private List<FindingRow> findings(String cluster, long scanId, String namespace) {
		List<FindingRow> rows = new ArrayList<>(this.history.findings(
				new FindingQuery(cluster, scanId, "", namespace, "Namespace", List.of(), SEVERITIES, "failing"), null,
				FINDINGS).items());
		rows.addAll(this.history.findings(
				new FindingQuery(cluster, scanId, namespace, null, null, List.of(), SEVERITIES, "failing"), null,
				FINDINGS).items());
		return (rows.size() > FINDINGS) ? rows.subList(0, FINDINGS) : rows;
	}

}
