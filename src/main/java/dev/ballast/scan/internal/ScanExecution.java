package dev.ballast.scan.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import dev.ballast.checks.CheckEngine;
import dev.ballast.checks.CheckReport;
import dev.ballast.checks.CheckSettings;
import dev.ballast.cluster.ClusterNotFoundException;
import dev.ballast.scan.ScanSettings;
import dev.ballast.scan.ScanState;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ClusterSnapshots;
import dev.ballast.snapshot.SnapshotFailedException;

/**
 * Runs one scan: snapshot, analyses, history. While it runs, a heartbeat writes its progress to
 * the scan's row every few seconds; whatever stops it is recorded as the scan's error, in words a
 * user can act on. A scan that cannot even record its failure (the database is down) keeps its
 * RUNNING row; once its heartbeat is stale, {@link StaleScans} fails it.
 */
@Component
public class ScanExecution {

	private static final Logger log = LoggerFactory.getLogger(ScanExecution.class);

	private final ClusterSnapshots snapshots;

	private final CheckSettings checkSettings;

	private final HistoryWriter writer;

	private final ScanStore store;

	private final ScanSettings settings;

	private final Analyses analyses;

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "ballast-scan-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private final Clock clock = Clock.systemUTC();

	ScanExecution(ClusterSnapshots snapshots, CheckSettings checkSettings, HistoryWriter writer, ScanStore store,
			ScanSettings settings, Analyses analyses) {
		this.snapshots = snapshots;
		this.analyses = analyses;
		this.checkSettings = checkSettings;
		this.writer = writer;
		this.store = store;
		this.settings = settings;
	}

	/**
	 * Runs a scan recorded as RUNNING.
	 * @param scanId the scan
	 * @param clusterId the cluster's id
	 * @param clusterName the cluster's name
	 */
	public void run(long scanId, long clusterId, String clusterName) {
		ScanProgress progress = new ScanProgress();
		progress.onPlanned(() -> beat(scanId, progress));
		long period = this.settings.heartbeat().toMillis();
		ScheduledFuture<?> heartbeat = this.heartbeats.scheduleAtFixedRate(() -> beat(scanId, progress), 0, period,
				TimeUnit.MILLISECONDS);
		try {
			progress.phase("snapshot");
			ClusterSnapshot snapshot = this.snapshots.take(clusterName, progress);
			refuseBlind(snapshot);
			if (progress.kindsTotal() == 0) {
				progress.counted(snapshot.nodes().size() + snapshot.workloads().size() + snapshot.pods().size());
			}
			progress.phase("checks");
			beat(scanId, progress);
			CheckReport report = CheckEngine.standard()
				.run(snapshot, this.checkSettings.configurationFor(clusterName));
			progress.phase("analyses");
			beat(scanId, progress);
			java.util.List<String> analysisWarnings = new java.util.ArrayList<>();
			Map<String, AnalysisDocument> analyses = this.analyses.of(snapshot, analysisWarnings);
			for (String warning : analysisWarnings) {
				snapshot = snapshot.withWarning(warning);
			}
			progress.phase("storing");
			beat(scanId, progress);
			heartbeat.cancel(false);
			ScanState state = this.writer.store(scanId, clusterId, clusterName, snapshot, report, analyses,
					progress.objects());
			log.info("Scan {} of {} landed: {}, score {}", scanId, clusterName, state.key(), report.cluster().value());
		}
		catch (SnapshotFailedException ex) {
			fail(scanId, clusterName, ex.getMessage());
		}
		catch (ClusterNotFoundException ex) {
			fail(scanId, clusterName, "The cluster " + clusterName + " was removed during the scan.");
		}
		catch (ScanAbandonedException ex) {
			log.warn(ex.getMessage());
		}
		catch (DataAccessException ex) {
			log.warn("Scan {} of {} could not be stored", scanId, clusterName, ex);
			fail(scanId, clusterName, "The results could not be stored in the database: "
					+ ex.getMostSpecificCause().getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Scan {} of {} failed", scanId, clusterName, ex);
			fail(scanId, clusterName, "Ballast failed while scanning (" + ex.getClass().getSimpleName()
					+ "); the server log has the details.");
		}
		finally {
			heartbeat.cancel(false);
		}
	}

	/** Workloads live in these kinds; a snapshot without any of them says nothing about workloads. */
	private static final java.util.List<String> WORKLOAD_KINDS = java.util.List.of("Deployment", "StatefulSet",
			"DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");

	/**
	 * Refuses a snapshot that could read none of the workload kinds (a credential whose permissions
	 * were taken away, say): stored as a partial scan it would read as if every finding were fixed.
	 */
	private static void refuseBlind(ClusterSnapshot snapshot) {
		java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
		snapshot.gaps().forEach((gap) -> missing.put(gap.kind(), gap.reason().name().toLowerCase(java.util.Locale.ROOT)));
		if (missing.keySet().containsAll(WORKLOAD_KINDS)) {
			throw new SnapshotFailedException("Ballast could read none of the workload kinds ("
					+ WORKLOAD_KINDS.stream().map((kind) -> kind + ": " + missing.get(kind)).collect(
							java.util.stream.Collectors.joining(", "))
					+ "), so nothing was stored: a scan without workloads would read as if every finding were "
					+ "fixed. Check the credential's permissions (deploy/ballast-reader.yaml).", null);
		}
	}

	private void beat(long scanId, ScanProgress progress) {
		try {
			this.store.heartbeat(scanId, progress.phase(), progress.kindsTotal(), progress.kindsDone(),
					progress.objects(), Instant.now(this.clock));
		}
		catch (DataAccessException ex) {
			log.debug("Progress of scan {} not written: {}", scanId, ex.getMessage());
		}
	}

	private void fail(long scanId, String clusterName, String error) {
		try {
			if (this.writer.fail(scanId, clusterName, error)) {
				log.warn("Scan {} of {} failed: {}", scanId, clusterName, error);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Scan {} of {} failed ({}) and the failure could not be recorded; it will be once its "
					+ "heartbeat is stale", scanId, clusterName, error);
		}
	}

}
