package dev.ballast.scan.taints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ballast.scan.ScanProblem;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Landed;
import dev.ballast.taints.TaintAnalysis;
import dev.ballast.taints.TaintMap;
import dev.ballast.taints.TaintMap.Cell;
import dev.ballast.taints.TaintMap.NodeEntry;
import dev.ballast.taints.TaintMap.NodeGroup;
import dev.ballast.taints.TaintMap.Placed;
import dev.ballast.taints.TaintMap.Row;

/**
 * The taint map as JSON, from the latest landed scan: the whole stored document, optionally narrowed
 * by the page's filters, and one node's view. VIEWER.
 */
@RestController
@RequestMapping("/api/v1/clusters/{name}/taints")
class TaintApiController {

	private final StoredAnalyses analyses;

	TaintApiController(StoredAnalyses analyses) {
		this.analyses = analyses;
	}

	@GetMapping
	TaintMapResponse map(@PathVariable String name, @RequestParam(required = false) @Nullable String namespace,
			@RequestParam(required = false) @Nullable String effect, @RequestParam(required = false) @Nullable String pool) {
		Landed<TaintMap> landed = this.analyses.latestOrProblem(name, TaintAnalysis.KIND, TaintAnalysis.VERSION,
				TaintMap.class);
		TaintMap map = landed.document();
		TaintFilter filter = TaintFilter.of(namespace, effect, pool, 1);
		Map<String, String> problems = filter.problems(map);
		if (!problems.isEmpty()) {
			String parameter = problems.keySet().iterator().next();
			String value = parameter.equals("namespace") ? namespace : parameter.equals("effect") ? effect : pool;
			String expected = parameter.equals("effect") ? String.join(", ", TaintFilter.EFFECTS)
					: "a " + parameter + " of the cluster's latest scan";
			throw ScanProblem.badParameter(parameter, String.valueOf(value), expected);
		}
		return new TaintMapResponse(landed.scan().id(), landed.scan().startedAt(),
				filter.narrowed() ? narrow(map, filter) : map);
	}

	@GetMapping("/nodes/{node}")
	NodeResponse node(@PathVariable String name, @PathVariable String node) {
		Landed<TaintMap> landed = this.analyses.latestOrProblem(name, TaintAnalysis.KIND, TaintAnalysis.VERSION,
				TaintMap.class);
		TaintMap map = landed.document();
		NodeEntry entry = TaintView.node(map, node);
		if (entry == null) {
			throw new NodeNotInMapException(name, node);
		}
		NodeGroup group = TaintView.group(map, entry.group());
		int column = map.groups().indexOf(group);
		List<Runs> runs = new ArrayList<>();
		for (Placed placed : entry.runs()) {
			Row row = map.rows().get(placed.row());
			runs.add(new Runs(row.namespace(), row.kind(), row.name(), placed.pods(),
					map.profiles().get(row.profile()).cells().get(column)));
		}
		return new NodeResponse(landed.scan().id(), landed.scan().startedAt(), entry.name(), group, entry.ready(),
				entry.cordoned(), entry.conditions(), runs);
	}

	/** The map with the groups and rows the filter selects; profiles keep only the selected groups' cells. */
	private static TaintMap narrow(TaintMap map, TaintFilter filter) {
		TaintView view = TaintView.of(map, filter, Integer.MAX_VALUE);
		List<Integer> columns = view.groups().stream().map(map.groups()::indexOf).toList();
		List<TaintMap.Profile> profiles = map.profiles().stream()
			.map((profile) -> new TaintMap.Profile(profile.id(), profile.tolerations(), profile.added(), profile.selector(),
					profile.toleratesEverything(), columns.stream().map(profile.cells()::get).toList()))
			.toList();
		List<Row> rows = view.rows().stream().map(TaintView.RowView::row).toList();
		return new TaintMap(map.totals(), view.groups(), profiles, rows, List.of(), map.findings(), List.of(),
				map.notes());
	}

	/**
	 * The taint map of a scan.
	 *
	 * @param scanId the scan it was stored with
	 * @param scannedAt when that scan started
	 * @param taints the map; narrowed by a filter, it holds no nodes or unschedulable entries (their
	 * row indexes would not hold) and its rows are those the filter selects
	 */
	record TaintMapResponse(long scanId, Instant scannedAt, TaintMap taints) {
	}

	/**
	 * One node.
	 *
	 * @param scanId the scan
	 * @param scannedAt when that scan started
	 * @param node the node's name
	 * @param group its group: pool, taints, fellow nodes
	 * @param ready {@code Ready=True}
	 * @param cordoned {@code spec.unschedulable}
	 * @param conditions unhealthy conditions
	 * @param runs what runs there and why it may
	 */
	record NodeResponse(long scanId, Instant scannedAt, String node, NodeGroup group, boolean ready, boolean cordoned,
			List<String> conditions, List<Runs> runs) {
	}

	/**
	 * A workload with pods on the node.
	 *
	 * @param namespace the namespace
	 * @param kind the kind
	 * @param name the name
	 * @param pods pods on the node
	 * @param cell whether its pods may be scheduled on the node's group now, and which taints they tolerate
	 */
	record Runs(String namespace, String kind, String name, int pods, Cell cell) {
	}

}
