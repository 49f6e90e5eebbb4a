package dev.ballast.scan.taints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.ballast.scan.StoredAnalyses.Stored;
import dev.ballast.scan.dashboard.AreaPages;
import dev.ballast.taints.TaintAnalysis;
import dev.ballast.taints.TaintMap;
import dev.ballast.taints.TaintMap.NodeEntry;
import dev.ballast.taints.TaintMap.Placed;

/**
 * The taint map page ({@code /clusters/{name}/taints}: findings, node groups, the matrix of node
 * groups x workloads filtered by namespace, effect and pool, unschedulable pods) and one node's
 * page ({@code /clusters/{name}/taints/nodes/{node}}: taints, conditions, what runs there and
 * why it may). GET only; VIEWER.
 */
@Controller
class TaintPageController {

	/** Namespaces offered as suggestions in the filter, at most. */
	static final int NAMESPACE_SUGGESTIONS = 500;

	private final AreaPages areas;

	TaintPageController(AreaPages areas) {
		this.areas = areas;
	}

	@GetMapping("/clusters/{name}/taints")
	String map(@PathVariable String name, @RequestParam(required = false) @Nullable String namespace,
			@RequestParam(required = false) @Nullable String effect, @RequestParam(required = false) @Nullable String pool,
			@RequestParam(required = false) @Nullable Integer page, Model model) {
		Stored<TaintMap> stored = this.areas.prepare(model, "taints", name, TaintAnalysis.KIND, TaintAnalysis.VERSION,
				TaintMap.class);
		if (stored == null || stored.document() == null) {
			return "taints/map";
		}
		TaintMap map = stored.document();
		TaintFilter filter = TaintFilter.of(namespace, effect, pool, page);
		Map<String, String> problems = filter.problems(map);
		TaintFilter shown = problems.isEmpty() ? filter : TaintFilter.of(null, null, null, 1);
		model.addAttribute("map", map);
		model.addAttribute("filter", filter);
		model.addAttribute("problems", problems);
		model.addAttribute("view", TaintView.of(map, shown));
		model.addAttribute("groupsById", TaintView.groupsById(map));
		model.addAttribute("namespaces", TaintView.namespaces(map, NAMESPACE_SUGGESTIONS));
		model.addAttribute("pools", TaintView.pools(map));
		model.addAttribute("effects", TaintFilter.EFFECTS);
		return "taints/map";
	}

	@GetMapping("/clusters/{name}/taints/nodes/{node}")
	String node(@PathVariable String name, @PathVariable String node, Model model) {
		Stored<TaintMap> stored = this.areas.prepare(model, "taints", name, TaintAnalysis.KIND, TaintAnalysis.VERSION,
				TaintMap.class);
		if (stored == null || stored.document() == null) {
			return "taints/map";
		}
		TaintMap map = stored.document();
		NodeEntry entry = TaintView.node(map, node);
		if (entry == null) {
			throw new NodeNotInMapException(name, node);
		}
		int column = map.groups().indexOf(TaintView.group(map, entry.group()));
		List<TaintView.RowView> runs = new ArrayList<>();
		List<Integer> podsHere = new ArrayList<>();
		for (Placed placed : entry.runs()) {
			runs.add(TaintView.row(map, map.rows().get(placed.row()), List.of(column)));
			podsHere.add(placed.pods());
		}
		model.addAttribute("map", map);
		model.addAttribute("node", entry);
		model.addAttribute("group", TaintView.group(map, entry.group()));
		model.addAttribute("runs", runs);
		model.addAttribute("podsHere", podsHere);
		return "taints/node";
	}

}
