package dev.ballast.scan;

import java.security.Principal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.internal.HistoryQueries;
import dev.ballast.scan.internal.ScanStore;
import dev.ballast.scan.internal.SnapshotOverview;

/**
 * The scan pages: the history of scans across clusters (filtered by cluster and state, newest
 * first, paged by a cursor), one scan (live progress while it runs, then what it found and what
 * it could not read), what changed between two scans, and "Scan now". Reading is VIEWER,
 * scanning OPERATOR (see the access rules).
 */
@Controller
class ScanPagesController {

	static final int PAGE_SIZE = 25;

	/** Checks listed on a scan's page under "failing most". */
	static final int TOP_CHECKS = 10;

	private final Scans scans;

	private final History history;

	private final Schedules schedules;

	private final Clusters clusters;

	private final ScanStore store;

	private final HistoryQueries queries;

	ScanPagesController(Scans scans, History history, Schedules schedules, Clusters clusters, ScanStore store,
			HistoryQueries queries) {
		this.scans = scans;
		this.history = history;
		this.schedules = schedules;
		this.clusters = clusters;
		this.store = store;
		this.queries = queries;
	}

	@GetMapping("/scans")
	String list(@RequestParam(required = false) @Nullable String cluster,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		String clusterName = (cluster == null || cluster.isBlank()) ? null : cluster.strip();
		List<ScanState> states = Params.enums("state", state, ScanState.class);
		ScanFilter filter = new ScanFilter((clusterName != null) ? List.of(clusterName) : List.of(), states,
				List.of(), null, null);
		List<Scan> found = this.scans.list(filter, Cursors.scan(cursor), PAGE_SIZE + 1);
		List<Cluster> all = this.clusters.all();
		model.addAttribute("scans", (found.size() > PAGE_SIZE) ? found.subList(0, PAGE_SIZE) : found);
		model.addAttribute("older", (found.size() > PAGE_SIZE) ? Cursors.ofScan(found.get(PAGE_SIZE - 1).id()) : null);
		model.addAttribute("cluster", clusterName);
		model.addAttribute("state", states.isEmpty() ? null : states.get(0).key());
		model.addAttribute("paged", cursor != null && !cursor.isBlank());
		model.addAttribute("filtered", clusterName != null || !states.isEmpty());
		model.addAttribute("states", ScanState.values());
		model.addAttribute("clusters", all);
		model.addAttribute("latest", ClusterPageScans.byCluster(this.scans.latest()));
		model.addAttribute("landed", ClusterPageScans.byCluster(this.store.latestLandedOfEach()));
		model.addAttribute("running", ClusterPageScans.byCluster(this.scans.list(
				new ScanFilter(List.of(), List.of(ScanState.RUNNING), List.of(), null, null), null, 100)));
		model.addAttribute("schedules", this.schedules.all()
			.stream()
			.collect(Collectors.toMap(Schedule::cluster, Function.identity())));
		return "scan/list";
	}

	@GetMapping("/scans/{id}")
	String show(@PathVariable long id, Model model) {
		Scan scan = this.scans.get(id);
		model.addAttribute("scan", scan);
		if (scan.state().landed()) {
			model.addAttribute("checks", this.queries.checkCounts(List.of(id))
				.stream()
				.filter((count) -> count.failing() > 0)
				.limit(TOP_CHECKS)
				.toList());
			model.addAttribute("previous", this.store.previousLanded(scan).orElse(null));
			model.addAttribute("snapshot", snapshot(id));
		}
		return "scan/show";
	}

	@GetMapping("/scans/{id}/diff")
	String diff(@PathVariable long id, @RequestParam(required = false) @Nullable String base, Model model) {
		Long baseId = Params.id("base", base);
		if (baseId == null) {
			Scan target = this.scans.get(id);
			baseId = this.store.previousLanded(target).map(Scan::id).orElse(null);
			if (baseId == null) {
				model.addAttribute("scan", target);
				return "scan/diff";
			}
		}
		ScanDiff diff = this.history.diff(baseId, id);
		model.addAttribute("scan", diff.target());
		model.addAttribute("diff", diff);
		return "scan/diff";
	}

	@PostMapping("/clusters/{name}/scan")
	String scanNow(@PathVariable String name, Principal user, RedirectAttributes redirect) {
		Scans.Ticket ticket = this.scans.trigger(name, ScanTrigger.MANUAL, user.getName());
		redirect.addFlashAttribute("flashMessage", ticket.joined() ? "scan.flash.joined" : "scan.flash.started");
		return "redirect:/scans/" + ticket.scanId();
	}

	private @Nullable SnapshotOverview snapshot(long id) {
		return this.store.analyses(id)
			.stream()
			.filter((info) -> info.kind().equals(SnapshotOverview.kind()))
			.findFirst()
			.flatMap((info) -> this.store.analysis(id, info.kind())
				.map((json) -> SnapshotOverview.read(info.version(), json)))
			.orElse(null);
	}


}
