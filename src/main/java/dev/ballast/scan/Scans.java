package dev.ballast.scan;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.ballast.cluster.Cluster;
import dev.ballast.cluster.Clusters;
import dev.ballast.scan.internal.ScanExecution;
import dev.ballast.scan.internal.ScanStore;

/**
 * Starts scans and reads them back. At most one scan per cluster runs at a time, across every
 * replica: the database refuses a second RUNNING row for a cluster, and a request that meets a
 * running scan joins it. Scans run on a small pool ({@code ballast.scan.parallelism}).
 */
@Service
public class Scans implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Scans.class);

	/** Names this process in the rows of the scans it runs. */
	static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	private final Clusters clusters;

	private final ScanStore store;

	private final ScanExecution execution;

	private final ExecutorService pool;

	private final Clock clock = Clock.systemUTC();

	Scans(Clusters clusters, ScanStore store, ScanExecution execution, ScanSettings settings) {
		this.clusters = clusters;
		this.store = store;
		this.execution = execution;
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(settings.parallelism(), settings.parallelism(), 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "ballast-scan-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Starts a scan of a cluster, or joins the one running.
	 * @param clusterName the cluster
	 * @param trigger why
	 * @param requestedBy who asked
	 * @return the scan, and whether it was running already
	 * @throws dev.ballast.cluster.ClusterNotFoundException for an unknown cluster (404)
	 */
	public Ticket trigger(String clusterName, ScanTrigger trigger, String requestedBy) {
		Cluster cluster = this.clusters.byName(clusterName);
		long clusterId = Objects.requireNonNull(cluster.getId());
		Long running = this.store.runningOf(clusterId).orElse(null);
		if (running != null) {
			return new Ticket(running, true);
		}
		long scanId;
		try {
			scanId = this.store.insertRunning(clusterId, trigger, requestedBy, INSTANCE, Instant.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			// another request, here or on another replica, started one a moment ago
			return this.store.runningOf(clusterId).map((id) -> new Ticket(id, true)).orElseThrow(() -> ex);
		}
		log.info("Scan {} of {} started ({} by {})", scanId, clusterName, trigger.key(), requestedBy);
		this.pool.execute(() -> this.execution.run(scanId, clusterId, cluster.getName()));
		return new Ticket(scanId, false);
	}

	/**
	 * A scan.
	 * @throws ScanNotFoundException when there is none (404)
	 */
	public Scan get(long scanId) {
		return this.store.find(scanId).orElseThrow(() -> ScanProblem.notFound(scanId));
	}

	/**
	 * Scans matching a filter, newest first.
	 * @param beforeId the id of the last scan of the previous page, or {@code null}
	 * @param limit the most to return
	 */
	public List<Scan> list(ScanFilter filter, @Nullable Long beforeId, int limit) {
		return this.store.list(filter, beforeId, limit);
	}

	/** The latest finished scan (landed or failed) of every cluster that has one. */
	public List<Scan> latest() {
		return this.store.latestFinished();
	}

	/** When scan-derived data last changed, for {@code Last-Modified} and ETags. */
	public Instant lastChange() {
		return this.store.lastChange();
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

	/**
	 * The answer to a scan request.
	 *
	 * @param scanId the scan that was started or joined
	 * @param joined whether it was running already
	 */
	public record Ticket(long scanId, boolean joined) {
	}

}
