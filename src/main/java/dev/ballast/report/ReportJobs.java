package dev.ballast.report;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Looks for due reports and retries every {@code ballast.report.poll-interval}, on one replica at
 * a time (ShedLock), and hands the sending to the report pool so the scheduler thread, which also
 * starts scans, is never held up by a slow SMTP server.
 */
@Component
class ReportJobs {

	private final ReportDispatcher dispatcher;

	private final ReportPool executor;

	private final AtomicBoolean running = new AtomicBoolean();

	ReportJobs(ReportDispatcher dispatcher, ReportPool reportExecutor) {
		this.dispatcher = dispatcher;
		this.executor = reportExecutor;
	}

	@Scheduled(fixedDelayString = "${ballast.report.poll-interval:30s}",
			initialDelayString = "${ballast.report.poll-interval:30s}")
	@SchedulerLock(name = "report-send", lockAtMostFor = "5m")
	public void sendDueReports() {
		if (this.running.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				try {
					this.dispatcher.runDue();
				}
				finally {
					this.running.set(false);
				}
			});
		}
	}

}
