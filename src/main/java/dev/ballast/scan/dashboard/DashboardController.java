package dev.ballast.scan.dashboard;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.ClusterScanState;
import dev.ballast.scan.History;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanFilter;
import dev.ballast.scan.Scans;
import dev.ballast.scan.ScoreRow;
import dev.ballast.scan.internal.HistoryQueries;
import dev.ballast.scan.internal.HistoryQueries.CheckCount;
import dev.ballast.scan.internal.ScanStore;

/**
 * The dashboard: the fleet overview ({@code /}, every cluster worst first) and one cluster's page
 * ({@code /clusters/{name}}: score trend, namespaces, worst workloads, checks failing most, recent
 * scans, gaps). Both read stored scans only; VIEWER (see the access rules).
 */
@Controller
class DashboardController {

	static final int WORST_WORKLOADS = 10;

	static final int TOP_CHECKS = 10;

	static final int RECENT_SCANS = 10;

	private final Fleet fleet;

	private final Clusters clusters;

	private final History history;

	private final Scans scans;

	private final ScanStore store;

	private final HistoryQueries queries;

	DashboardController(Fleet fleet, Clusters clusters, History history, Scans scans, ScanStore store,
			HistoryQueries queries) {
		this.fleet = fleet;
		this.clusters = clusters;
		this.history = history;
		this.scans = scans;
		this.store = store;
		this.queries = queries;
	}

	@GetMapping("/")
	String fleet(Model model) {
		Map<String, Scan> latestScans = Fleet.byCluster(this.store.latestFinished());
		model.addAttribute("cards", this.fleet.cards(latestScans));
		model.addAttribute("staleHours", this.fleet.staleAfter().toHours());
		model.addAttribute("latestScans", latestScans);
		return "scan/fleet";
	}

	@GetMapping("/clusters/{name}")
	String cluster(@PathVariable String name, @RequestParam(required = false) @Nullable String range,
			Model model) {
		Cluster cluster = this.clusters.byName(name);
		long clusterId = Objects.requireNonNull(cluster.getId());
		TrendRange chosen = TrendRange.of(range);
		Instant now = Instant.now();
		Scan landed = this.store.latestLanded(clusterId, null).orElse(null);
		Map<String, Scan> latestScans = Fleet.byCluster(this.store.latestFinished());
		Scan latest = latestScans.get(name);
		Long running = this.store.runningOf(clusterId).orElse(null);
		model.addAttribute("cluster", cluster);
		model.addAttribute("latestScans", latestScans);
		model.addAttribute("landed", landed);
		model.addAttribute("latest", latest);
		model.addAttribute("runningId", running);
		model.addAttribute("state", ClusterScanState.of(latest, landed, running, now, this.fleet.staleAfter()));
		model.addAttribute("staleHours", this.fleet.staleAfter().toHours());
		model.addAttribute("range", chosen.key());
		model.addAttribute("ranges", TrendRange.values());
		List<Scan> recent = this.scans.list(ScanFilter.of(name), null, RECENT_SCANS);
		model.addAttribute("recent", recent);
		model.addAttribute("comparable", comparable(recent));
		model.addAttribute("from", now.minus(chosen.period()).getEpochSecond());
		model.addAttribute("to", now.getEpochSecond());
		if (landed != null) {
			model.addAttribute("trend",
					this.history.trend(name, null, null, null, now.minus(chosen.period()), now, chosen.step()));
			model.addAttribute("hourly", !"week".equals(chosen.step()) && !"day".equals(chosen.step()));
			model.addAttribute("namespaces", this.queries.scores(landed.id(), "namespace", null));
			model.addAttribute("worst", this.queries.scores(landed.id(), "workload", null, WORST_WORKLOADS));
			List<CheckCount> failing = this.queries.checkCounts(List.of(landed.id()))
				.stream()
				.filter((count) -> count.failing() > 0)
				.toList();
			model.addAttribute("checks", failing.subList(0, Math.min(TOP_CHECKS, failing.size())));
		}
		return "scan/cluster";
	}

	/** The landed scans of the list that have an earlier landed scan to compare with. */
	private Set<Long> comparable(List<Scan> recent) {
		Set<Long> ids = new HashSet<>();
		Scan later = null;
		for (Scan scan : recent) {
			if (scan.state().landed()) {
				if (later != null) {
					ids.add(later.id());
				}
				later = scan;
			}
		}
		if (later != null && this.store.previousLanded(later).isPresent()) {
			ids.add(later.id());
		}
		return ids;
	}

}
