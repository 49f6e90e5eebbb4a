package dev.ballast.snapshot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import okhttp3.OkHttpClient;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.LiveCollector;
import dev.ballast.snapshot.LiveSettings;
import dev.ballast.snapshot.internal.ApiRequests;
import dev.ballast.snapshot.internal.ClientSource;
import dev.ballast.snapshot.internal.LiveKinds;
import dev.ballast.snapshot.internal.ServedApis;

/**
 * Times, in one run and over the same kinds, Ballast's live collector, {@code kubectl get … -A -o
 * json --chunk-size=500} (with its peak RSS from {@code /usr/bin/time -v}), and the floor: the
 * same paginated lists read byte by byte and decoded not at all ({@link Floor}). Every kind the
 * collector lists on that server is in all three. Each round measures both transports: gzip (what
 * client-java and kubectl ask for by default; the API server compresses every answer over 128 KiB)
 * and uncompressed. A first, cold-JVM scan is reported apart. Optionally records discovery and
 * the list pages for {@link ReplayServer}.
 * <p>
 * {@code LiveCollectorBenchmark <reader.kubeconfig> <rounds> [kubectl|no-kubectl] [record-dir]}
 */
public final class LiveCollectorBenchmark {

	private LiveCollectorBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path kubeconfig = Path.of(args[0]);
		int rounds = Integer.parseInt(args[1]);
		boolean kubectl = args.length <= 2 || !args[2].equals("no-kubectl");
		LiveSettings settings = LiveSettings.defaults();
		Map<String, ApiClient> transports = new LinkedHashMap<>();
		transports.put("gzip", client(kubeconfig, true));
		transports.put("identity", client(kubeconfig, false));
		List<LiveKinds.Source> kinds = kinds(transports.get("gzip"), settings);
		List<String> paths = kinds.stream().map(LiveKinds.Source::path).toList();
		System.out.println("kinds (" + kinds.size() + "): " + String.join(" ", resources(kinds)));

		long start = System.nanoTime();
		ClusterSnapshot snapshot = new LiveCollector(settings).collect(transports.get("gzip"), "bench",
				LiveCollector.Progress.NONE);
		System.out.printf(Locale.ROOT, "first scan (cold JVM, gzip): collector %.2f s (%d nodes, %d pods, %d workloads,"
				+ " gaps %s)%n", seconds(start), snapshot.nodes().size(), snapshot.pods().size(),
				snapshot.workloads().size(), snapshot.gaps().stream().map((gap) -> gap.kind()).toList());
		System.out.printf(Locale.ROOT, "heap retained with the snapshot after GC: %.0f MiB (%d pods)%n",
				retained() / 1048576.0, snapshot.pods().size());
		snapshot = null;

		Map<String, List<Double>> times = new TreeMap<>();
		Map<String, Double> kubectlRss = new TreeMap<>();
		for (int round = 1; round <= rounds; round++) {
			for (Map.Entry<String, ApiClient> transport : transports.entrySet()) {
				String mode = transport.getKey();
				start = System.nanoTime();
				new LiveCollector(settings).collect(transport.getValue(), "bench", LiveCollector.Progress.NONE);
				double collector = seconds(start);
				start = System.nanoTime();
				long bytes = Floor.fetch(transport.getValue(), paths, settings.parallelism(), null);
				double floor = seconds(start);
				record(times, mode + " collector", collector);
				record(times, mode + " floor", floor);
				String line = String.format(Locale.ROOT, "round %d, %s: collector %.2f s, floor %.2f s (%.0f MiB)", round,
						mode, collector, floor, bytes / 1048576.0);
				if (kubectl) {
					double[] result = kubectl(kubeconfig, kinds, mode.equals("identity"));
					record(times, mode + " kubectl", result[0]);
					kubectlRss.merge(mode, result[1], Math::max);
					line += String.format(Locale.ROOT, ", kubectl %.2f s (max RSS %.0f MiB)", result[0], result[1] / 1024);
				}
				System.out.println(line);
			}
		}
		for (String mode : transports.keySet()) {
			double collector = median(times.get(mode + " collector"));
			double floor = median(times.get(mode + " floor"));
			String line = String.format(Locale.ROOT, "%s: median collector %.2f s, floor %.2f s, collector/floor %.2f"
					+ " (goal <= 2)", mode, collector, floor, collector / floor);
			if (kubectl) {
				double kubectlTime = median(times.get(mode + " kubectl"));
				line += String.format(Locale.ROOT, "; kubectl %.2f s (max RSS %.0f MiB), collector/kubectl %.2f"
						+ " (goal <= 0.25)", kubectlTime, kubectlRss.get(mode) / 1024, collector / kubectlTime);
			}
			System.out.println(line);
		}
		if (args.length > 3) {
			record(transports.get("identity"), paths, Path.of(args[3]));
		}
	}

	/**
	 * A client of the kubeconfig with Ballast's timeouts.
	 * @param gzip whether to accept compressed answers, as client-java (OkHttp) and kubectl do by
	 * default; without, the API server spends no time compressing
	 */
	static ApiClient client(Path kubeconfig, boolean gzip) throws IOException {
		ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(Files.newBufferedReader(kubeconfig)))
			.build();
		OkHttpClient.Builder http = client.getHttpClient().newBuilder().connectTimeout(Duration.ofSeconds(10))
			.readTimeout(Duration.ofSeconds(60));
		if (!gzip) {
			http.addInterceptor((chain) -> chain.proceed(chain.request().newBuilder()
				.header("Accept-Encoding", "identity").build()));
		}
		client.setHttpClient(http.build());
		return client;
	}

	/** The lists the collector makes on this server, as discovery chooses them. */
	static List<LiveKinds.Source> kinds(ApiClient client, LiveSettings settings) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			ApiRequests requests = new ApiRequests(new ClientSource(() -> client), settings,
					System.nanoTime() + Duration.ofMinutes(1).toNanos());
			return LiveKinds.plan(ServedApis.discover(requests, LiveKinds.groupVersions(), pool)).lists();
		}
		finally {
			pool.shutdown();
		}
	}

	/** kubectl's names for the same resources in the same versions, e.g. {@code cronjobs.v1beta1.batch}. */
	private static List<String> resources(List<LiveKinds.Source> kinds) {
		return kinds.stream().map((kind) -> {
			String[] gv = kind.groupVersion().split("/");
			return (gv.length == 1) ? kind.resource() : kind.resource() + "." + gv[1] + "." + gv[0];
		}).toList();
	}

	/** {@code kubectl get} of the same kinds: seconds and peak RSS in KiB. */
	private static double[] kubectl(Path kubeconfig, List<LiveKinds.Source> kinds, boolean uncompressed)
			throws Exception {
		List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "/usr/bin/kubectl", "--kubeconfig",
				kubeconfig.toString(), "get", String.join(",", resources(kinds)), "-A", "-o", "json",
				"--chunk-size=500"));
		if (uncompressed) {
			command.add("--disable-compression");
		}
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		String report = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("kubectl failed:\n" + report);
		}
		return new double[] { wallClock(report), number(report, "Maximum resident set size \\(kbytes\\): (\\d+)") };
	}

	private static double wallClock(String report) {
		Matcher matcher = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (?:(\\d+):)?(\\d+):([\\d.]+)")
			.matcher(report);
		if (!matcher.find()) {
			throw new IllegalStateException("no wall clock time in:\n" + report);
		}
		double hours = (matcher.group(1) != null) ? Double.parseDouble(matcher.group(1)) : 0;
		return hours * 3600 + Double.parseDouble(matcher.group(2)) * 60 + Double.parseDouble(matcher.group(3));
	}

	private static double number(String report, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(report);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in:\n" + report);
		}
		return Double.parseDouble(matcher.group(1));
	}

	/** Saves discovery and every list page (limit 500) for {@link ReplayServer}. */
	private static void record(ApiClient client, List<String> paths, Path dir) throws Exception {
		Files.createDirectories(dir);
		Map<String, Integer> pages = new ConcurrentHashMap<>();
		List<String> discovery = new ArrayList<>(List.of("/version", "/api/v1", "/apis"));
		for (String groupVersion : LiveKinds.groupVersions()) {
			if (!groupVersion.equals("v1")) {
				discovery.add("/apis/" + groupVersion);
			}
		}
		List<String> index = Collections.synchronizedList(new ArrayList<>());
		for (String path : discovery) {
			try {
				Floor.fetch(client, List.of(path), 1, (p, body) -> save(dir, ReplayServer.file(p, 0), body));
				index.add(path + "\t1");
			}
			catch (Exception ex) {
				// not served: the replay answers 404 too
			}
		}
		Floor.fetch(client, paths, 4, (path, body) -> {
			int page = pages.merge(path, 1, Integer::sum) - 1;
			save(dir, ReplayServer.file(path, page), body);
		});
		pages.forEach((path, count) -> index.add(path + "\t" + count));
		Files.write(dir.resolve("index.tsv"), index);
		System.out.println("recorded " + index.size() + " paths into " + dir);
	}

	private static void save(Path dir, String file, byte[] body) {
		try {
			Files.write(dir.resolve(file), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static long retained() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void record(Map<String, List<Double>> times, String what, double seconds) {
		times.computeIfAbsent(what, (key) -> new ArrayList<>()).add(seconds);
	}

}
