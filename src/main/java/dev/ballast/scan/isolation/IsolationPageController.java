package dev.ballast.scan.isolation;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.ballast.isolation.Finding;
import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.isolation.NamespacePosture;
import dev.ballast.isolation.NetworkIsolation;
import dev.ballast.isolation.ReachAnswer;
import dev.ballast.isolation.ReachMatrix;
import dev.ballast.isolation.Reachability;
import dev.ballast.scan.StoredAnalyses.Stored;
import dev.ballast.scan.dashboard.AreaPages;

/**
 * The isolation page of a cluster: namespace posture, findings, DNS notes and the reachability
 * matrix for a port (namespace × namespace, or pod group × pod group for chosen namespaces), and
 * the "can A reach B" page with the policies that decide. Everything is computed from the stored
 * analysis of the latest landed scan, for the port asked for.
 */
@Controller
class IsolationPageController {

	static final String AREA = "isolation";

	private final AreaPages pages;

	IsolationPageController(AreaPages pages) {
		this.pages = pages;
	}

	@GetMapping("/clusters/{name}/isolation")
	String page(@PathVariable String name, @RequestParam(required = false) @Nullable String port,
			@RequestParam(required = false) @Nullable String protocol,
			@RequestParam(name = "ns", required = false) @Nullable List<String> namespaces,
			@RequestParam(name = "groups", required = false) @Nullable List<String> groups, Model model) {
		NetworkIsolation network = prepare(model, name);
		if (network == null) {
			return "isolation/page";
		}
		IsolationQuery query = IsolationQuery.of(port, protocol);
		Reachability reach = Reachability.of(network);
		List<String> shown = IsolationQuery.matrixNamespaces(network, namespaces);
		model.addAttribute("query", query);
		model.addAttribute("port", query.port());
		model.addAttribute("matrix", ReachMatrix.namespaces(reach, shown, query.port()));
		model.addAttribute("withPods", network.namespaces().stream().filter((n) -> n.groups() > 0).count());
		model.addAttribute("suggested", IsolationQuery.suggestedPorts(network));
		if (groups != null && !groups.isEmpty()) {
			model.addAttribute("groupMatrix",
					ReachMatrix.groups(reach, IsolationQuery.matrixGroups(network, groups), query.port()));
			model.addAttribute("groupNamespaces", groups);
		}
		return "isolation/page";
	}

	@GetMapping("/clusters/{name}/isolation/reach")
	String reach(@PathVariable String name, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String port,
			@RequestParam(required = false) @Nullable String protocol, Model model) {
		NetworkIsolation network = prepare(model, name);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (network == null) {
			return "isolation/reach";
		}
		IsolationQuery query = IsolationQuery.of(port, protocol);
		model.addAttribute("query", query);
		model.addAttribute("port", query.port());
		if (from == null && to == null) {
			return "isolation/reach";
		}
		query.namespace(network, "from", from);
		query.namespace(network, "to", to);
		if (query.errors().isEmpty() && from != null && to != null) {
			model.addAttribute("answer",
					ReachAnswer.of(Reachability.of(network), from, to, query.port(), IsolationQuery.REACH_ROWS));
		}
		return "isolation/reach";
	}

	private @Nullable NetworkIsolation prepare(Model model, String name) {
		Stored<IsolationReport> stored = this.pages.prepare(model, AREA, name, IsolationAnalysis.KIND,
				IsolationAnalysis.VERSION, IsolationReport.class);
		if (stored == null || stored.document() == null) {
			return null;
		}
		NetworkIsolation network = stored.document().network();
		model.addAttribute("network", network);
		model.addAttribute("namespaceNames", network.namespaces().stream().map(NamespacePosture::name).toList());
		List<Finding> findings = new ArrayList<>(network.findings());
		model.addAttribute("findings", findings);
		model.addAttribute("verdicts", verdicts(network));
		model.addAttribute("protocols", IsolationQuery.PROTOCOLS);
		return network;
	}

	private static int[] verdicts(NetworkIsolation network) {
		int[] counts = new int[NamespacePosture.Verdict.values().length];
		for (NamespacePosture posture : network.namespaces()) {
			counts[posture.verdict().ordinal()]++;
		}
		return counts;
	}

}
