package dev.ballast.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.ballast.cluster.ClusterAccessException;
import dev.ballast.cluster.ClusterClients;
import dev.ballast.snapshot.SnapshotSource.Origin;
import dev.ballast.snapshot.internal.ApiRequests;
import dev.ballast.snapshot.internal.ClientSource;
import dev.ballast.snapshot.internal.KindLister;
import dev.ballast.snapshot.internal.KubernetesJson;
import dev.ballast.snapshot.internal.LiveKinds;
import dev.ballast.snapshot.internal.RequestFailure;
import dev.ballast.snapshot.internal.ServedApis;

/**
 * Takes a {@link ClusterSnapshot} from a live API server, reading only: discovery first (every
 * served version of the groups Ballast reads, so each kind is read in the best version the server
 * has), then every kind in parallel on a bounded pool, each list paginated and streamed into the
 * {@link SnapshotBuilder} page by page (see {@link LiveSettings}). Requests are {@code GET}s only
 * and never name Secrets.
 * <p>
 * A kind that cannot be read becomes a {@link Gap}: {@code NOT_SERVED} when no version of it is
 * served, {@code FORBIDDEN} on 403, {@code TIMED_OUT} when it did not finish within the request
 * timeout or the scan's deadline, {@code FAILED} otherwise (persistent 5xx or 429, a list that kept
 * expiring, a connection that kept failing). Nothing of a kind that failed half-way is kept. A
 * list whose continue token expires (410 Gone) is read again from the start; 429 (honouring
 * {@code Retry-After}), 5xx, failed connections and timeouts are retried with backoff.
 * <p>
 * Credentials that expire during a long scan (exec plugins: EKS tokens last 15 minutes) are
 * renewed once: give {@link #collect(Supplier, String, Progress)} a supplier that builds a new
 * client, such as {@code () -> clusterClients.clientFor(name)}; after the first 401 it is called
 * again and the refused request repeated.
 */
@Service
public class LiveCollector {

	private static final long GRACE = TimeUnit.SECONDS.toNanos(10);

	private final LiveSettings settings;

	public LiveCollector(LiveSettings settings) {
		this.settings = settings;
	}

	/**
	 * Takes a snapshot with one client for the whole scan.
	 * @see #collect(Supplier, String, Progress)
	 */
	public ClusterSnapshot collect(ApiClient client, String clusterName, Progress progress)
			throws ClusterAccessException {
		return collect(() -> client, clusterName, progress);
	}

	/**
	 * Takes a snapshot.
	 * @param clients builds a client; called once at the start and once more if the server refuses
	 * the credential (401) during the scan
	 * @param clusterName the name the snapshot carries
	 * @param progress told what happens, from the collector's threads
	 * @return the snapshot, with a gap for every kind that could not be read
	 * @throws ClusterAccessException when the server's version or API discovery cannot be read:
	 * unreachable, refused credential, TLS, timed out
	 */
	public ClusterSnapshot collect(Supplier<ApiClient> clients, String clusterName, Progress progress)
			throws ClusterAccessException {
		long deadline = System.nanoTime() + this.settings.deadline().toNanos();
		SnapshotBuilder builder = ClusterSnapshot.builder()
			.clusterName(clusterName)
			.origin(Origin.LIVE)
			.takenAt(Instant.now());
		ClientSource source = new ClientSource(clients);
		ApiRequests requests = new ApiRequests(source, this.settings, deadline);
		ExecutorService pool = Executors.newFixedThreadPool(this.settings.parallelism(), threads(clusterName));
		try {
			builder.serverVersion(serverVersion(requests));
			LiveKinds.Plan plan = LiveKinds.plan(discover(requests, pool));
			progress.planned(plan.lists().stream().map(LiveKinds.Source::kind).toList());
			for (Gap gap : plan.unreadable()) {
				builder.gap(gap);
				progress.finished(gap.kind(), 0, gap);
			}
			KindLister lister = new KindLister(requests, builder, this.settings.pageSize());
			Set<String> done = ConcurrentHashMap.newKeySet();
			Map<LiveKinds.Source, Future<?>> tasks = new LinkedHashMap<>();
			for (LiveKinds.Source kind : plan.lists()) {
				tasks.put(kind, pool.submit(() -> list(lister, kind, builder, progress, done)));
			}
			await(tasks, deadline, (kind) -> {
				if (done.add(kind.kind())) {
					fail(kind, new Gap(kind.kind(), Gap.Reason.TIMED_OUT, "The scan's deadline of "
							+ this.settings.deadline() + " passed before " + kind.resource() + " were listed."), builder,
							progress);
				}
			});
		}
		finally {
			pool.shutdownNow();
		}
		if (source.renewed()) {
			builder.warning("The server refused the credential (401) during the scan; it was renewed.");
		}
		return builder.build();
	}

	private static @Nullable String serverVersion(ApiRequests requests) throws ClusterAccessException {
		try {
			JsonObject version = requests.get("/version", List.of(),
					(body) -> KubernetesJson.GSON.fromJson(body.charStream(), JsonObject.class));
			return (version != null && version.has("gitVersion")) ? version.get("gitVersion").getAsString() : null;
		}
		catch (RequestFailure ex) {
			throw translate("read the server version", ex);
		}
	}

	private static ServedApis discover(ApiRequests requests, ExecutorService pool) throws ClusterAccessException {
		try {
			return ServedApis.discover(requests, LiveKinds.groupVersions(), pool);
		}
		catch (RequestFailure ex) {
			throw translate("discover the served APIs", ex);
		}
	}

	private static void list(KindLister lister, LiveKinds.Source kind, SnapshotBuilder builder, Progress progress,
			Set<String> done) {
		progress.started(kind.kind());
		try {
			int count = lister.list(kind, (objects) -> progress.listed(kind.kind(), objects));
			if (done.add(kind.kind())) {
				progress.finished(kind.kind(), count, null);
			}
		}
		catch (RequestFailure ex) {
			if (done.add(kind.kind())) {
				fail(kind, new Gap(kind.kind(), ex.reason(), ex.getMessage()), builder, progress);
			}
		}
	}

	private static void fail(LiveKinds.Source kind, Gap gap, SnapshotBuilder builder, Progress progress) {
		builder.restart(kind.kind()).gap(gap);
		progress.finished(kind.kind(), 0, gap);
	}

	/** Waits for the lists until shortly after the deadline (each request ends by then). */
	private static void await(Map<LiveKinds.Source, Future<?>> tasks, long deadline,
			Consumer<LiveKinds.Source> timedOut) throws ClusterAccessException {
		List<LiveKinds.Source> late = new ArrayList<>();
		for (Map.Entry<LiveKinds.Source, Future<?>> task : tasks.entrySet()) {
			try {
				task.getValue().get(Math.max(0, deadline + GRACE - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				task.getValue().cancel(true);
				late.add(task.getKey());
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Listing " + task.getKey().resource() + " failed", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				tasks.values().forEach((future) -> future.cancel(true));
				throw new ClusterAccessException(ClusterAccessException.Reason.TIMED_OUT, "The scan was interrupted.",
						ex);
			}
		}
		late.forEach(timedOut);
	}

	private static ClusterAccessException translate(String doing, RequestFailure failure) {
		ApiException cause = (failure.status() != 0) ? new ApiException(failure.status(), failure.getMessage())
				: new ApiException(failure.getMessage(), failure.getCause(), 0, null);
		return ClusterClients.translate(doing, cause);
	}

	private static ThreadFactory threads(String clusterName) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "ballast-collect-" + clusterName + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * What a scan is doing, for a progress display. Called from the collector's threads, several at
	 * once; keep it quick.
	 */
	public interface Progress {

		/** Tells nothing. */
		Progress NONE = new Progress() {
		};

		/**
		 * Discovery is done.
		 * @param kinds the kinds that will be listed, in the order they start
		 */
		default void planned(List<String> kinds) {
		}

		default void started(String kind) {
		}

		/**
		 * A page was read.
		 * @param kind the kind
		 * @param objects objects of that kind so far (fewer again after a list restarted)
		 */
		default void listed(String kind, int objects) {
		}

		/**
		 * A kind is done: read whole, or missing with the reason (also for kinds not served, which
		 * are never started).
		 * @param kind the kind
		 * @param objects how many were read; 0 with a gap
		 * @param gap why the kind is missing, or {@code null}
		 */
		default void finished(String kind, int objects, @Nullable Gap gap) {
		}

	}

}
