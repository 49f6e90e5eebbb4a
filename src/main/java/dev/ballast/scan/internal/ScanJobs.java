package dev.ballast.scan.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.ballast.cluster.ClusterNotFoundException;
import dev.ballast.scan.ScanSettings;
import dev.ballast.scan.ScanTrigger;
import dev.ballast.scan.Scans;
import dev.ballast.scan.Schedules;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The scan module's background work: starting due scheduled scans, failing scans whose replica
 * stopped, and removing raw findings past their retention. Locked with ShedLock where running on
 * two replicas at once would do the work twice.
 */
@Component
public class ScanJobs {

	private static final Logger log = LoggerFactory.getLogger(ScanJobs.class);

	static final String STALE = "Ballast stopped, or lost its database, while this scan ran; nothing of it was kept.";

	private final Schedules schedules;

	private final Scans scans;

	private final HistoryWriter writer;

	private final Retention retention;

	private final ScanSettings settings;

	private final Clock clock = Clock.systemUTC();

	ScanJobs(Schedules schedules, Scans scans, HistoryWriter writer, Retention retention, ScanSettings settings) {
		this.schedules = schedules;
		this.scans = scans;
		this.writer = writer;
		this.retention = retention;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${ballast.scan.schedule-interval:30s}",
			initialDelayString = "${ballast.scan.schedule-first-look:5s}")
	@SchedulerLock(name = "scan-schedule", lockAtMostFor = "5m")
	public void startDueScans() {
		if (!this.settings.scheduled()) {
			return;
		}
		for (String cluster : this.schedules.takeDue()) {
			try {
				this.scans.trigger(cluster, ScanTrigger.SCHEDULE, "schedule");
			}
			catch (ClusterNotFoundException ex) {
				log.debug("Cluster {} was removed before its scheduled scan", cluster);
			}
		}
	}

	/** At start, and then regularly: running scans whose progress stopped are failed. */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${ballast.scan.stale-check-interval:15s}", initialDelayString = "15s")
	public void failStaleScans() {
		int failed = this.writer.failStale(Instant.now(this.clock).minus(this.settings.staleAfter()), STALE);
		if (failed > 0) {
			log.warn("Marked {} scan(s) failed whose progress stopped more than {} ago", failed,
					this.settings.staleAfter());
		}
	}

	@Scheduled(cron = "${ballast.scan.retention-cron:0 17 3 * * *}", zone = "UTC")
	@SchedulerLock(name = "scan-retention", lockAtMostFor = "1h")
	public void applyRetention() {
		this.retention.apply(Instant.now(this.clock));
	}

}
