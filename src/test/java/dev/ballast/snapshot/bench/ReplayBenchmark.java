package dev.ballast.snapshot.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.LiveCollector;
import dev.ballast.snapshot.LiveSettings;
import dev.ballast.snapshot.internal.LiveKinds;

/**
 * The live collector against a {@link ReplayServer} (a recorded cluster replayed many times over):
 * its time against the floor over the same lists, and its heap — the most in use after any
 * garbage collection during the scan, and what stays with the finished snapshot. Meant to run in
 * {@code -Xmx512m}: a 150,000-pod cluster must fit.
 * <p>
 * {@code ReplayBenchmark <http://127.0.0.1:port> <rounds>}
 */
public final class ReplayBenchmark {

	private static final AtomicLong MAX_AFTER_GC = new AtomicLong();

	private ReplayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		watchGarbageCollections();
		ApiClient client = new ClientBuilder().setBasePath(args[0])
			.setAuthentication(new AccessTokenAuthentication("replay"))
			.build();
		client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(Duration.ofSeconds(60)).build());
		int rounds = Integer.parseInt(args[1]);
		LiveSettings settings = LiveSettings.defaults();
		List<String> paths = LiveCollectorBenchmark.kinds(client, settings).stream().map(LiveKinds.Source::path).toList();
		List<Double> collector = new ArrayList<>();
		List<Double> floor = new ArrayList<>();
		long baseline = LiveCollectorBenchmark.retained();
		for (int round = 1; round <= rounds; round++) {
			ClusterSnapshot snapshot = null;
			LiveCollectorBenchmark.retained();
			MAX_AFTER_GC.set(0);
			long start = System.nanoTime();
			snapshot = new LiveCollector(settings).collect(client, "replay", LiveCollector.Progress.NONE);
			collector.add(LiveCollectorBenchmark.seconds(start));
			long peak = MAX_AFTER_GC.get();
			long retained = LiveCollectorBenchmark.retained() - baseline;
			start = System.nanoTime();
			long bytes = Floor.fetch(client, paths, settings.parallelism(), null);
			floor.add(LiveCollectorBenchmark.seconds(start));
			System.out.printf(Locale.ROOT, "round %d: collector %.2f s (%d nodes, %d pods, %d workloads, gaps %s), floor"
					+ " %.2f s (%.0f MiB); heap: at most %.0f MiB after a GC during the scan, %.0f MiB retained with the"
					+ " snapshot (max heap %.0f MiB)%n", round, collector.get(round - 1), snapshot.nodes().size(),
					snapshot.pods().size(), snapshot.workloads().size(), snapshot.gaps(), floor.get(round - 1),
					bytes / 1048576.0, peak / 1048576.0, retained / 1048576.0,
					Runtime.getRuntime().maxMemory() / 1048576.0);
		}
		double c = LiveCollectorBenchmark.median(collector);
		double f = LiveCollectorBenchmark.median(floor);
		System.out.printf(Locale.ROOT, "median collector %.2f s, floor %.2f s: collector/floor %.2f (goal <= 2)%n", c, f,
				c / f);
	}

	/** Records the heap in use after each collection (young ones included). */
	private static void watchGarbageCollections() {
		Set<String> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) bean).addNotificationListener((notification, handback) -> {
				if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
					return;
				}
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
				long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
					.filter((pool) -> heap.contains(pool.getKey()))
					.mapToLong((pool) -> pool.getValue().getUsed())
					.sum();
				MAX_AFTER_GC.accumulateAndGet(used, Math::max);
			}, null, null);
		}
	}

}
