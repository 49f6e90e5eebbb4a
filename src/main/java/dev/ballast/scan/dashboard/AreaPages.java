package dev.ballast.scan.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.ClusterScanState;
import dev.ballast.scan.Scan;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Stored;
import dev.ballast.scan.internal.ScanStore;

/**
 * What every analysis page of a cluster (sizing, CIDR, taints, isolation) shows around its own
 * content: the cluster and a switch to the others, the scan the page reads and how old it is,
 * and an empty state when no scan has landed or the scan holds no such analysis. Fills the
 * model for the {@code scan/area} fragments.
 */
@Component
public class AreaPages {

	/** The areas, in tab order: each is {@code /clusters/{name}/<area>}. */
	public static final List<String> AREAS = List.of("sizing", "cidr", "taints", "isolation");

	private final Clusters clusters;

	private final ScanStore store;

	private final StoredAnalyses analyses;

	private final Fleet fleet;

	AreaPages(Clusters clusters, ScanStore store, StoredAnalyses analyses, Fleet fleet) {
		this.clusters = clusters;
		this.store = store;
		this.analyses = analyses;
		this.fleet = fleet;
	}

	/**
	 * Fills the model of an area page and reads its analysis from the latest landed scan.
	 * <p>
	 * Model: {@code area}, {@code cluster}, {@code clusterNames}, {@code landed} (the scan read,
	 * or {@code null}), {@code state} (as on the overview), {@code staleHours}, {@code runningId},
	 * {@code analysisMissing} (a landed scan without this analysis: stored by an older Ballast).
	 * @param model the model
	 * @param area one of {@link #AREAS}
	 * @param clusterName the cluster; an unknown one is a 404
	 * @param kind the analysis document kind
	 * @param version the version the page reads
	 * @param type the document's type
	 * @param <T> the document's type
	 * @return the stored analysis, or {@code null} when there is none to show
	 */
	public <T> @Nullable Stored<T> prepare(Model model, String area, String clusterName, String kind, int version,
			Class<T> type) {
		Cluster cluster = this.clusters.byName(clusterName);
		long clusterId = Objects.requireNonNull(cluster.getId());
		Stored<T> stored = this.analyses.latest(clusterId, kind, version, type).orElse(null);
		Scan landed = (stored != null) ? stored.scan() : null;
		Scan latest = Fleet.byCluster(this.store.latestFinished()).get(clusterName);
		Long running = this.store.runningOf(clusterId).orElse(null);
		model.addAttribute("area", area);
		model.addAttribute("cluster", cluster);
		model.addAttribute("clusterNames", this.clusters.all().stream().map(Cluster::getName).toList());
		model.addAttribute("landed", landed);
		model.addAttribute("runningId", running);
		model.addAttribute("state", ClusterScanState.of(latest, landed, running, Instant.now(), this.fleet.staleAfter()));
		model.addAttribute("staleHours", this.fleet.staleAfter().toHours());
		model.addAttribute("analysisMissing", stored != null && stored.document() == null);
		return (stored != null && stored.document() != null) ? stored : null;
	}

	/**
	 * The cluster an area's landing page opens: the one asked for if it exists, else the first.
	 * @param requested the {@code cluster} parameter, if any
	 * @return the cluster's name, or {@code null} when none is registered
	 */
	@Nullable String landing(@Nullable String requested) {
		List<String> names = this.clusters.all().stream().map(Cluster::getName).toList();
		if (requested != null && names.contains(requested)) {
			return requested;
		}
		return names.isEmpty() ? null : names.get(0);
	}

}
