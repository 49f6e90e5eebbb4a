package dev.ballast.scan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dev.ballast.checks.CheckDefinition;
import dev.ballast.checks.CheckSettings;
import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.internal.ScanStore;

/**
 * The findings explorer: the findings of the latest landed scan of every cluster (or one),
 * filtered by a GET form whose URL can be shared, paged by a cursor, exported as CSV or JSON by
 * the API with the same filter. A value the filter cannot use is shown on its field, never a
 * failed page. VIEWER (see the access rules).
 */
@Controller
class FindingsPageController {

	static final int PAGE_SIZE = 50;

	/** Kinds whose subjects have a workload page. */
	private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job",
			"CronJob", "ReplicaSet", "ReplicationController", "Pod");

	/** Kinds the kind field suggests. */
	private static final List<String> KINDS = List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob",
			"Pod", "Service", "Ingress", "Namespace", "Node");

	private final History history;

	private final Clusters clusters;

	private final ScanStore store;

	private final CheckSettings checks;

	FindingsPageController(History history, Clusters clusters, ScanStore store, CheckSettings checks) {
		this.history = history;
		this.clusters = clusters;
		this.store = store;
		this.checks = checks;
	}

	/**
	 * A finding as the explorer shows it.
	 *
	 * @param row the stored finding
	 * @param check its check, {@code null} when the check no longer exists
	 * @param workloadPath the subject's workload page, {@code null} for subjects that are not workloads
	 */
	record Shown(FindingRow row, @Nullable CheckDefinition check, @Nullable String workloadPath) {
	}

	@GetMapping("/findings")
	String findings(@RequestParam(required = false) @Nullable String cluster,
			@RequestParam(required = false) @Nullable String namespace,
			@RequestParam(required = false) @Nullable String workload,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String check,
			@RequestParam(required = false) @Nullable List<String> severity,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		FindingsFilter filter = FindingsFilter.of(cluster, namespace, workload, kind, check, severity, state);
		List<Cluster> all = this.clusters.all();
		Map<String, CheckDefinition> catalogue = new LinkedHashMap<>();
		this.checks.checks().forEach((definition) -> catalogue.put(definition.id(), definition));
		List<FindingsFilter.Problem> problems = filter.problems(
				all.stream().map(Cluster::getName).collect(Collectors.toSet()), catalogue.keySet());
		model.addAttribute("filter", filter);
		model.addAttribute("clusters", all);
		model.addAttribute("checks", catalogue.values());
		model.addAttribute("severities", FindingsFilter.SEVERITIES);
		model.addAttribute("states", FindingsFilter.STATES);
		model.addAttribute("kinds", KINDS);
		model.addAttribute("pageSize", PAGE_SIZE);
		model.addAttribute("exportLimit", Params.MAX_LIMIT);
		model.addAttribute("problems", problems.stream()
			.collect(Collectors.toMap(FindingsFilter.Problem::field, (problem) -> problem)));
		model.addAttribute("narrowed", filter.narrowed());
		model.addAttribute("firstPage", filter.page(null));
		model.addAttribute("paged", cursor != null && !cursor.isBlank());
		if (!problems.isEmpty()) {
			return "scan/findings";
		}
		if (!validCursor(cursor)) {
			model.addAttribute("staleCursor", true);
			return "scan/findings";
		}
		List<Scan> read = this.store.latestLandedOfEach()
			.stream()
			.filter((scan) -> filter.cluster() == null || scan.cluster().equals(filter.cluster()))
			.toList();
		model.addAttribute("scansRead", read);
		if (read.isEmpty()) {
			return "scan/findings";
		}
		try {
			// one cluster: name its scan, so the history does not look for the latest scans again
			Long scanId = (read.size() == 1) ? read.get(0).id() : null;
			History.FindingsPage page = this.history.findings(filter.query(scanId), cursor, PAGE_SIZE);
			model.addAttribute("findings", page.items()
				.stream()
				.map((row) -> new Shown(row, catalogue.get(row.check()), workloadPath(row)))
				.toList());
			model.addAttribute("nextPage", (page.next() != null) ? filter.page(page.next()) : null);
			model.addAttribute("exportCsv", filter.export("csv"));
			model.addAttribute("exportJson", filter.export("json"));
		}
		catch (ScanProblem problem) {
			if (problem.getStatusCode() != HttpStatus.GONE) {
				throw problem;
			}
			model.addAttribute("purged", true);
		}
		return "scan/findings";
	}

	private static boolean validCursor(@Nullable String cursor) {
		try {
			Cursors.position(cursor);
			return true;
		}
		catch (ScanProblem ex) {
			return false;
		}
	}

	private static @Nullable String workloadPath(FindingRow row) {
		if (row.namespace().isEmpty() || !WORKLOAD_KINDS.contains(row.kind())) {
			return null;
		}
		return UriComponentsBuilder.fromPath("/clusters/{cluster}/workloads/{namespace}/{kind}/{name}")
			.buildAndExpand(row.cluster(), row.namespace(), row.kind(), row.name())
			.encode()
			.toUriString();
	}

}
