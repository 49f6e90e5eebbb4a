package dev.ballast.snapshot.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Replays list pages recorded by {@link LiveCollectorBenchmark} from a real API server, {@code
 * copies} times over, so a recording of 500 nodes and 15,000 pods answers as a cluster of 5,000
 * nodes and 150,000 pods: copy {@code c} of a page has {@code c<c>-} before every namespace (and
 * before node and namespace names), so objects stay distinct and pods stay on their nodes.
 * Cluster-wide configuration (RBAC, priority classes) is served once. Pages are prepared up front,
 * so serving one costs only writing its bytes; {@code continue} tokens are page numbers. Plain
 * HTTP on 127.0.0.1; prints its port.
 * <p>
 * {@code ReplayServer <recording dir> <copies>}
 */
public final class ReplayServer {

	private static final Pattern LIST_METADATA = Pattern.compile("\"metadata\":\\{[^}]*\\}");

	private final Map<String, byte[]> discovery = new HashMap<>();

	private final Map<String, List<byte[]>> lists = new HashMap<>();

	private ReplayServer() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int copies = Integer.parseInt(args[1]);
		ReplayServer replay = new ReplayServer();
		replay.load(dir, copies);
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/", replay::handle);
		server.start();
		long bytes = replay.lists.values().stream().flatMap(List::stream).mapToLong((page) -> page.length).sum();
		System.out.printf(Locale.ROOT, "replaying %d lists, %.0f MiB of pages, on port %d%n", replay.lists.size(),
				bytes / 1048576.0, server.getAddress().getPort());
		System.out.println("PORT " + server.getAddress().getPort());
	}

	/** The file a page is recorded in. */
	static String file(String path, int page) {
		return path.substring(1).replace('/', '_') + "." + page + ".json";
	}

	private void load(Path dir, int copies) throws IOException {
		Set<String> namespaced = new HashSet<>();
		Map<String, Integer> listPages = new HashMap<>();
		for (String line : Files.readAllLines(dir.resolve("index.tsv"))) {
			String[] fields = line.split("\t");
			byte[] body = Files.readAllBytes(dir.resolve(file(fields[0], 0)));
			if (isDiscovery(fields[0])) {
				this.discovery.put(fields[0], body);
				namespaced.addAll(namespaced(fields[0], body));
			}
			else {
				listPages.put(fields[0], Integer.parseInt(fields[1]));
			}
		}
		for (Map.Entry<String, Integer> list : listPages.entrySet()) {
			String path = list.getKey();
			String resource = path.substring(path.lastIndexOf('/') + 1);
			String groupVersion = path.substring(0, path.lastIndexOf('/')).replaceFirst("^/apis?/", "");
			boolean inNamespace = namespaced.contains(groupVersion + " " + resource);
			int times = (inNamespace || resource.equals("nodes") || resource.equals("namespaces")) ? copies : 1;
			List<String> recorded = new ArrayList<>();
			for (int page = 0; page < list.getValue(); page++) {
				recorded.add(Files.readString(dir.resolve(file(path, page))));
			}
			List<byte[]> pages = new ArrayList<>();
			int total = times * recorded.size();
			for (int copy = 0; copy < times; copy++) {
				for (String page : recorded) {
					String renamed = (copy == 0) ? page : rename(page, "c" + copy + "-", resource, inNamespace);
					pages.add(withContinue(renamed, (pages.size() + 1 < total) ? pages.size() + 1 : -1)
						.getBytes(StandardCharsets.UTF_8));
				}
			}
			this.lists.put(path, pages);
		}
	}

	private static boolean isDiscovery(String path) {
		return path.equals("/version") || path.equals("/apis") || path.equals("/api/v1")
				|| (path.startsWith("/apis/") && path.chars().filter((c) -> c == '/').count() == 3);
	}

	/** {@code groupVersion resource} of the namespaced resources in a discovery answer. */
	private static Set<String> namespaced(String path, byte[] body) {
		Set<String> namespaced = new HashSet<>();
		if (path.equals("/version") || path.equals("/apis")) {
			return namespaced;
		}
		String groupVersion = path.equals("/api/v1") ? "v1" : path.substring("/apis/".length());
		for (JsonElement resource : JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject()
			.getAsJsonArray("resources")) {
			if (resource.getAsJsonObject().get("namespaced").getAsBoolean()) {
				namespaced.add(groupVersion + " " + resource.getAsJsonObject().get("name").getAsString());
			}
		}
		return namespaced;
	}

	private static String rename(String page, String prefix, String resource, boolean inNamespace) {
		if (inNamespace) {
			String renamed = page.replace("\"namespace\":\"", "\"namespace\":\"" + prefix);
			return resource.equals("pods") ? renamed.replace("\"nodeName\":\"", "\"nodeName\":\"" + prefix) : renamed;
		}
		if (resource.equals("nodes")) {
			return page.replace("\"name\":\"bench-node-", "\"name\":\"" + prefix + "bench-node-")
				.replace("\"kubernetes.io/hostname\":\"", "\"kubernetes.io/hostname\":\"" + prefix);
		}
		return page.replace("\"name\":\"", "\"name\":\"" + prefix);
	}

	/** The page with its list metadata replaced: {@code continue} is the next page's number. */
	private static String withContinue(String page, int next) {
		Matcher matcher = LIST_METADATA.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no list metadata in a recorded page");
		}
		String metadata = "\"metadata\":{\"resourceVersion\":\"1\"" + ((next >= 0) ? ",\"continue\":\"" + next + "\"" : "")
				+ "}";
		return page.substring(0, matcher.start()) + metadata + page.substring(matcher.end());
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			byte[] body = this.discovery.get(path);
			if (body == null && this.lists.containsKey(path)) {
				String query = exchange.getRequestURI().getQuery();
				Matcher next = Pattern.compile("continue=(\\d+)").matcher((query != null) ? query : "");
				body = this.lists.get(path).get(next.find() ? Integer.parseInt(next.group(1)) : 0);
			}
			if (body == null) {
				body = "{\"kind\":\"Status\",\"code\":404,\"message\":\"not recorded\"}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(404, body.length);
			}
			else {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
			}
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
