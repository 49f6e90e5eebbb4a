package dev.ballast.scan.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.ClusterScanState;
import dev.ballast.scan.History;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanSettings;
import dev.ballast.scan.ScoreRow;
import dev.ballast.scan.TrendPoint;
import dev.ballast.scan.internal.HistoryQueries;
import dev.ballast.scan.internal.ScanStore;

/**
 * The fleet overview's cards, from stored scans only: per cluster its state, the numbers of its
 * latest landed scan, a 30-day sparkline, its worst workload and the workloads that dropped most
 * in a week.
 */
@Component
@Transactional(readOnly = true)
class Fleet {

	static final Duration SPARKLINE_PERIOD = Duration.ofDays(30);

	static final Duration REGRESSION_PERIOD = Duration.ofDays(7);

	static final int REGRESSIONS = 5;

	/** Failed and stale first (their numbers may be wrong), then the lowest score, then never landed; by name on ties. */
	static final Comparator<FleetCard> ORDER = Comparator.comparingInt(FleetCard::rank)
		.thenComparingInt(FleetCard::score)
		.thenComparing((card) -> card.cluster().getName());

	private final Clusters clusters;

	private final History history;

	private final ScanStore store;

	private final HistoryQueries queries;

	private final Duration staleAfter;

	private final Clock clock;

	Fleet(Clusters clusters, History history, ScanStore store, HistoryQueries queries, ScanSettings settings) {
		this.clusters = clusters;
		this.history = history;
		this.store = store;
		this.queries = queries;
		this.staleAfter = settings.staleAfterLanded();
		this.clock = Clock.systemUTC();
	}

	Duration staleAfter() {
		return this.staleAfter;
	}

	/** Every cluster, worst first, given the latest finished scan of each cluster. */
	List<FleetCard> cards(Map<String, Scan> latest) {
		Map<String, Scan> landed = byCluster(this.store.latestLandedOfEach());
		Instant now = Instant.now(this.clock);
		List<FleetCard> cards = new ArrayList<>();
		for (Cluster cluster : this.clusters.all()) {
			cards.add(card(cluster, latest.get(cluster.getName()), landed.get(cluster.getName()), now));
		}
		cards.sort(ORDER);
		return cards;
	}

	private FleetCard card(Cluster cluster, @Nullable Scan latest, @Nullable Scan landed, Instant now) {
		long clusterId = Objects.requireNonNull(cluster.getId());
		Long running = this.store.runningOf(clusterId).orElse(null);
		String state = ClusterScanState.of(latest, landed, running, now, this.staleAfter);
		if (landed == null) {
			return new FleetCard(cluster, state, latest, null, running, Sparkline.of(List.of()), null, List.of());
		}
		Instant today = now.truncatedTo(ChronoUnit.DAYS);
		List<Integer> daily = this.history
			.trend(cluster.getName(), null, null, null, today.minus(SPARKLINE_PERIOD), now.plusSeconds(1), "day")
			.stream()
			.map(TrendPoint::score)
			.toList();
		List<ScoreRow> workloads = this.queries.scores(landed.id(), "workload", null, 1);
		ScoreRow worst = workloads.isEmpty() ? null : workloads.get(0);
		return new FleetCard(cluster, state, latest, landed, running, Sparkline.of(daily), worst,
				regressions(clusterId, landed));
	}

	/** Workloads whose score is lower now than in the last scan landed a week before this one. */
	private List<FleetCard.Regression> regressions(long clusterId, Scan landed) {
		Scan base = this.store.latestLanded(clusterId, landed.startedAt().minus(REGRESSION_PERIOD))
			.or(() -> this.store.firstLanded(clusterId))
			.orElse(landed);
		if (base.id() == landed.id()) {
			return List.of();
		}
		return this.queries.scoreDrops(base.id(), landed.id(), REGRESSIONS)
			.stream()
			.map((drop) -> new FleetCard.Regression(drop.namespace(), drop.kind(), drop.name(), drop.before(),
					drop.after()))
			.toList();
	}

	static Map<String, Scan> byCluster(List<Scan> scans) {
		Map<String, Scan> map = new HashMap<>();
		scans.forEach((scan) -> map.putIfAbsent(scan.cluster(), scan));
		return map;
	}

}
