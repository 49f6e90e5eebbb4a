package dev.ballast.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.ballast.scan.internal.HistoryQueries;
import dev.ballast.scan.internal.HistoryQueries.CheckCount;
import dev.ballast.scan.internal.ScanStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;

/**
 * The last scan of every cluster as Prometheus gauges, read from the database: at start, after
 * each scan is committed, and every minute (for scans landed by another replica and clusters
 * removed). Per cluster: the latest landed scan's score, findings by severity and by check,
 * duration, gaps and age (computed when scraped), and whether the most recent finished scan
 * failed.
 */
@Component
class ScanMetrics {

	private static final Logger log = LoggerFactory.getLogger(ScanMetrics.class);

	private static final List<String> SEVERITIES = List.of("danger", "warning", "info");

	private final Scans scans;

	private final ScanStore store;

	private final HistoryQueries queries;

	private final Clock clock = Clock.systemUTC();

	private final MultiGauge score;

	private final MultiGauge findings;

	private final MultiGauge checkFindings;

	private final MultiGauge duration;

	private final MultiGauge age;

	private final MultiGauge gaps;

	private final MultiGauge lastFailed;

	/** The rows registered last, held so their gauges keep their values. */
	private List<Row<?>> rows = List.of();

	ScanMetrics(Scans scans, ScanStore store, HistoryQueries queries, MeterRegistry registry) {
		this.scans = scans;
		this.store = store;
		this.queries = queries;
		this.score = gauge("ballast.scan.score", null, "Score of the cluster's last landed scan, 0 to 100", registry);
		this.findings = gauge("ballast.scan.findings", null,
				"Failing findings that count, by severity, in the cluster's last landed scan", registry);
		this.checkFindings = gauge("ballast.scan.check.findings", null,
				"Failing findings that count, by check, in the cluster's last landed scan", registry);
		this.duration = gauge("ballast.scan.duration", "seconds", "How long the cluster's last landed scan took",
				registry);
		this.age = gauge("ballast.scan.age", "seconds", "Time since the cluster's last landed scan finished",
				registry);
		this.gaps = gauge("ballast.scan.gaps", null, "Kinds the cluster's last landed scan could not read", registry);
		this.lastFailed = gauge("ballast.scan.last.failed", null,
				"1 if the cluster's most recent finished scan failed, else 0", registry);
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${ballast.scan.metrics-refresh:60s}", initialDelayString = "60s")
	void refresh() {
		try {
			update();
		}
		catch (DataAccessException ex) {
			log.warn("Scan metrics not refreshed: {}", ex.getMostSpecificCause().getMessage());
		}
	}

	/** After the scan's transaction committed, so its rows are visible. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ScanCompleted completed) {
		refresh();
	}

	private synchronized void update() {
		List<Scan> landed = this.store.latestLandedOfEach();
		List<Scan> finished = this.scans.latest();
		Map<Long, List<CheckCount>> checks = this.queries.checkCounts(landed.stream().map(Scan::id).toList())
			.stream()
			.collect(Collectors.groupingBy(CheckCount::scanId));
		List<Row<?>> scores = new ArrayList<>();
		List<Row<?>> severities = new ArrayList<>();
		List<Row<?>> perCheck = new ArrayList<>();
		List<Row<?>> durations = new ArrayList<>();
		List<Row<?>> ages = new ArrayList<>();
		List<Row<?>> missing = new ArrayList<>();
		for (Scan scan : landed) {
			Tags cluster = Tags.of("cluster", scan.cluster());
			Scan.Result result = scan.result();
			if (result == null) {
				continue;
			}
			scores.add(Row.of(cluster, result.score()));
			int[] counts = { result.dangers(), result.warnings(), result.infos() };
			for (int i = 0; i < SEVERITIES.size(); i++) {
				severities.add(Row.of(cluster.and("severity", SEVERITIES.get(i)), counts[i]));
			}
			for (CheckCount count : checks.getOrDefault(scan.id(), List.of())) {
				perCheck.add(Row.of(cluster.and("check", count.check()), count.failing()));
			}
			durations.add(Row.of(cluster, (scan.durationMs() != null) ? scan.durationMs() / 1000.0 : 0.0));
			Instant landedAt = (scan.finishedAt() != null) ? scan.finishedAt() : scan.startedAt();
			ages.add(Row.of(cluster, landedAt,
					(at) -> Duration.between(at, Instant.now(this.clock)).toMillis() / 1000.0));
			missing.add(Row.of(cluster, scan.gaps().size()));
		}
		List<Row<?>> failed = finished.stream()
			.<Row<?>>map((scan) -> Row.of(Tags.of("cluster", scan.cluster()), (scan.state() == ScanState.FAILED) ? 1 : 0))
			.toList();
		this.score.register(scores, true);
		this.findings.register(severities, true);
		this.checkFindings.register(perCheck, true);
		this.duration.register(durations, true);
		this.age.register(ages, true);
		this.gaps.register(missing, true);
		this.lastFailed.register(failed, true);
		List<Row<?>> all = new ArrayList<>();
		List.of(scores, severities, perCheck, durations, ages, missing, failed).forEach(all::addAll);
		this.rows = all;
	}

	private static MultiGauge gauge(String name, @Nullable String unit, String description, MeterRegistry registry) {
		MultiGauge.Builder builder = MultiGauge.builder(name).description(description);
		if (unit != null) {
			builder.baseUnit(unit);
		}
		return builder.register(registry);
	}

}
