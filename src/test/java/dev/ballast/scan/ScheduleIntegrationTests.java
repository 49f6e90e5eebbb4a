package dev.ballast.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ballast.scan.internal.ScanJobs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled scans on embedded PostgreSQL: a new cluster is scanned at the first look for due
 * schedules, then on its cron, so history accumulates; two replicas looking at the same moment
 * start one scan; a disabled schedule starts none. The test looks for due schedules itself (the
 * application's own look is an hour away).
 */
@SpringBootTest(properties = { "ballast.demo=true", "ballast.scan.scheduled=true",
		"ballast.scan.schedule-interval=1h", "ballast.scan.schedule-first-look=1h" })
class ScheduleIntegrationTests {

	@Autowired
	private ScanJobs jobs;

	@Autowired
	private Scans scans;

	@Autowired
	private Schedules schedules;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void scheduledScansAccumulateHistoryOncePerDueTimeAcrossReplicas() throws Exception {
		// two replicas look for due schedules at the same moment: the new demo cluster is due once
		CompletableFuture.allOf(CompletableFuture.runAsync(this.jobs::startDueScans),
				CompletableFuture.runAsync(this.jobs::startDueScans)).join();
		assertThat(scheduledScans()).hasSize(1);
		awaitIdle();
		Schedule schedule = this.schedules.get("demo");
		assertThat(schedule.cron()).isEqualTo("0 0 * * * *");
		assertThat(schedule.nextRunAt()).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(1)));
		this.jobs.startDueScans();
		assertThat(scheduledScans()).as("not due again before the next hour").hasSize(1);

		// every two seconds: each look after a due time starts one more scan
		this.schedules.update("demo", "*/2 * * * * *", true, null, "tester");
		for (int i = 0; i < 2; i++) {
			Thread.sleep(2_100);
			this.jobs.startDueScans();
			awaitIdle();
		}
		List<Scan> scheduled = scheduledScans();
		assertThat(scheduled).hasSize(3).allSatisfy((scan) -> {
			assertThat(scan.state()).isEqualTo(ScanState.OK);
			assertThat(scan.requestedBy()).isEqualTo("schedule");
		});

		this.schedules.update("demo", "*/2 * * * * *", false, null, "tester");
		assertThat(this.schedules.get("demo").nextRunAt()).isNull();
		Thread.sleep(2_100);
		this.jobs.startDueScans();
		assertThat(scheduledScans()).as("a disabled schedule starts nothing").hasSize(3);
	}

	private List<Scan> scheduledScans() {
		return this.scans.list(new ScanFilter(List.of("demo"), List.of(), List.of(ScanTrigger.SCHEDULE), null, null),
				null, 100);
	}

	private void awaitIdle() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (this.jdbc.sql("SELECT count(*) FROM scan WHERE state = 'RUNNING'").query(Integer.class).single() > 0) {
			assertThat(Instant.now()).as("scans finish").isBefore(deadline);
			Thread.sleep(50);
		}
	}

}
