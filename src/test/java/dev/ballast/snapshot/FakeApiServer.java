package dev.ballast.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;

import dev.ballast.snapshot.internal.KubernetesJson;

/**
 * A Kubernetes API server on 127.0.0.1 for the collector's tests: discovery of the resources it
 * was told to serve, paginated lists ({@code limit}, {@code continue}), scripted faults (status,
 * {@code Retry-After}, delays), bearer tokens, and a record of every request.
 */
final class FakeApiServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, List<String>> served = new LinkedHashMap<>();

	private final Map<String, List<Object>> objects = new ConcurrentHashMap<>();

	private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** Replaced whole, never changed in place: a request never sees an empty set between two tokens. */
	private volatile Set<String> tokens = Set.of("token");

	static {
		System.setProperty("sun.net.httpserver.nodelay", "true"); // no Nagle delay on small answers
	}

	FakeApiServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** A server that serves what Kubernetes 1.20 serves (the versions of the test control plane). */
	static FakeApiServer kubernetes120() throws IOException {
		return new FakeApiServer().serve("v1", "nodes", "namespaces", "pods", "services", "endpoints", "configmaps",
				"serviceaccounts", "limitranges", "resourcequotas", "secrets")
			.serve("apps/v1", "deployments", "statefulsets", "daemonsets", "replicasets")
			.serve("batch/v1", "jobs")
			.serve("batch/v1beta1", "cronjobs")
			.serve("networking.k8s.io/v1", "ingresses", "networkpolicies")
			.serve("networking.k8s.io/v1beta1", "ingresses")
			.serve("discovery.k8s.io/v1beta1", "endpointslices")
			.serve("policy/v1beta1", "poddisruptionbudgets", "podsecuritypolicies")
			.serve("autoscaling/v1", "horizontalpodautoscalers")
			.serve("autoscaling/v2beta1", "horizontalpodautoscalers")
			.serve("autoscaling/v2beta2", "horizontalpodautoscalers")
			.serve("scheduling.k8s.io/v1", "priorityclasses")
			.serve("rbac.authorization.k8s.io/v1", "roles", "clusterroles", "rolebindings", "clusterrolebindings");
	}

	/** A server that serves what Kubernetes 1.29 serves, with metrics-server. */
	static FakeApiServer kubernetes129() throws IOException {
		return new FakeApiServer().serve("v1", "nodes", "namespaces", "pods", "services", "endpoints", "configmaps",
				"serviceaccounts", "limitranges", "resourcequotas", "secrets")
			.serve("apps/v1", "deployments", "statefulsets", "daemonsets", "replicasets")
			.serve("batch/v1", "jobs", "cronjobs")
			.serve("networking.k8s.io/v1", "ingresses", "networkpolicies")
			.serve("discovery.k8s.io/v1", "endpointslices")
			.serve("policy/v1", "poddisruptionbudgets")
			.serve("autoscaling/v1", "horizontalpodautoscalers")
			.serve("autoscaling/v2", "horizontalpodautoscalers")
			.serve("scheduling.k8s.io/v1", "priorityclasses")
			.serve("rbac.authorization.k8s.io/v1", "roles", "clusterroles", "rolebindings", "clusterrolebindings")
			.serve("metrics.k8s.io/v1beta1", "nodes", "pods");
	}

	FakeApiServer serve(String groupVersion, String... resources) {
		this.served.computeIfAbsent(groupVersion, (key) -> new ArrayList<>()).addAll(List.of(resources));
		return this;
	}

	FakeApiServer unserve(String groupVersion, String resource) {
		this.served.getOrDefault(groupVersion, new ArrayList<>()).remove(resource);
		return this;
	}

	/** The objects a list path answers with, e.g. {@code /api/v1/pods}; typed client-java models. */
	FakeApiServer objects(String path, List<?> items) {
		this.objects.put(path, new CopyOnWriteArrayList<>(items));
		return this;
	}

	/** Answers the next request that matches with a scripted response instead. */
	FakeApiServer fault(Predicate<Request> when, int status, Map<String, String> headers, long delayMillis) {
		this.faults.add(new Fault(when, status, headers, delayMillis, 1));
		return this;
	}

	/** Answers every request that matches with a scripted response. */
	FakeApiServer always(Predicate<Request> when, int status, long delayMillis) {
		this.faults.add(new Fault(when, status, Map.of(), delayMillis, Integer.MAX_VALUE));
		return this;
	}

	FakeApiServer acceptOnly(String token) {
		this.tokens = Set.of(token);
		return this;
	}

	ApiClient client(String token) {
		return new ClientBuilder().setBasePath("http://127.0.0.1:" + this.server.getAddress().getPort())
			.setAuthentication(new AccessTokenAuthentication(token))
			.build();
	}

	ApiClient client() {
		return client("token");
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	List<Request> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				query(exchange.getRequestURI().getRawQuery()), exchange.getRequestURI().toString());
		this.requests.add(request);
		try (exchange) {
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			if (auth == null || !this.tokens.contains(auth.replaceFirst("^Bearer ", ""))) {
				send(exchange, 401, status(401, "Unauthorized"));
				return;
			}
			for (Fault fault : this.faults) {
				if (fault.when().test(request) && fault.take()) {
					sleep(fault.delayMillis());
					fault.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
					if (fault.status() == 200) {
						break;
					}
					send(exchange, fault.status(), status(fault.status(), "scripted " + fault.status() + " for "
							+ request.path() + (fault.status() == 403 ? " is forbidden" : "")));
					return;
				}
			}
			answer(exchange, request);
		}
	}

	private void answer(HttpExchange exchange, Request request) throws IOException {
		String path = request.path();
		if (path.equals("/version")) {
			send(exchange, 200, "{\"major\":\"1\",\"minor\":\"29\",\"gitVersion\":\"v1.29.3\"}");
		}
		else if (path.equals("/apis")) {
			send(exchange, 200, groups());
		}
		else if ((path.startsWith("/apis/") || path.equals("/api/v1")) && this.served.containsKey(groupVersion(path))) {
			send(exchange, 200, resources(groupVersion(path)));
		}
		else if (this.objects.containsKey(path) || served(path)) {
			send(exchange, 200, page(path, request.query()));
		}
		else {
			send(exchange, 404, status(404, "the server could not find the requested resource"));
		}
	}

	private boolean served(String path) {
		int slash = path.lastIndexOf('/');
		String resource = path.substring(slash + 1);
		String groupVersion = path.substring(0, slash).replaceFirst("^/apis?/", "");
		return this.served.getOrDefault(groupVersion, List.of()).contains(resource);
	}

	private String page(String path, Map<String, String> query) {
		List<Object> items = this.objects.getOrDefault(path, List.of());
		int limit = Integer.parseInt(query.getOrDefault("limit", "0"));
		int from = Integer.parseInt(query.getOrDefault("continue", "0"));
		int to = (limit > 0) ? Math.min(items.size(), from + limit) : items.size();
		JsonObject list = new JsonObject();
		list.addProperty("kind", "List");
		list.addProperty("apiVersion", "v1");
		JsonObject metadata = new JsonObject();
		metadata.addProperty("resourceVersion", "1000");
		if (to < items.size()) {
			metadata.addProperty("continue", Integer.toString(to));
		}
		list.add("metadata", metadata);
		JsonArray array = new JsonArray();
		for (Object item : items.subList(from, to)) {
			array.add(KubernetesJson.GSON.toJsonTree(item));
		}
		list.add("items", array);
		return list.toString();
	}

	private String groups() {
		Map<String, List<String>> byGroup = new LinkedHashMap<>();
		this.served.keySet().stream().filter((gv) -> gv.contains("/"))
			.forEach((gv) -> byGroup.computeIfAbsent(gv.substring(0, gv.indexOf('/')), (key) -> new ArrayList<>()).add(gv));
		JsonArray groups = new JsonArray();
		byGroup.forEach((name, versions) -> {
			JsonObject group = new JsonObject();
			group.addProperty("name", name);
			JsonArray list = new JsonArray();
			for (String gv : versions) {
				JsonObject version = new JsonObject();
				version.addProperty("groupVersion", gv);
				version.addProperty("version", gv.substring(gv.indexOf('/') + 1));
				list.add(version);
			}
			group.add("versions", list);
			group.add("preferredVersion", list.get(0));
			groups.add(group);
		});
		JsonObject answer = new JsonObject();
		answer.addProperty("kind", "APIGroupList");
		answer.add("groups", groups);
		return answer.toString();
	}

	private String resources(String groupVersion) {
		JsonArray resources = new JsonArray();
		for (String name : this.served.get(groupVersion)) {
			JsonObject resource = new JsonObject();
			resource.addProperty("name", name);
			resource.addProperty("namespaced", !Set.of("nodes", "namespaces", "clusterroles", "clusterrolebindings",
					"priorityclasses").contains(name));
			JsonArray verbs = new JsonArray();
			List.of("get", "list", "watch", "create", "delete").forEach(verbs::add);
			resource.add("verbs", verbs);
			resources.add(resource);
		}
		JsonObject answer = new JsonObject();
		answer.addProperty("kind", "APIResourceList");
		answer.addProperty("groupVersion", groupVersion);
		answer.add("resources", resources);
		return answer.toString();
	}

	private static String groupVersion(String path) {
		return path.equals("/api/v1") ? "v1" : path.substring("/apis/".length());
	}

	private static String status(int code, String message) {
		JsonObject status = new JsonObject();
		status.addProperty("kind", "Status");
		status.addProperty("status", "Failure");
		status.addProperty("message", message);
		status.addProperty("code", code);
		return status.toString();
	}

	private static void send(HttpExchange exchange, int code, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(code, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				query.put(URLDecoder.decode(pair.substring(0, Math.max(eq, 0)), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A request as the server saw it.
	 *
	 * @param method the HTTP method
	 * @param path the path
	 * @param query decoded query parameters
	 * @param uri path and query as sent
	 */
	record Request(String method, String path, Map<String, String> query, String uri) {

		boolean continues() {
			return this.query.containsKey("continue");
		}

	}

	/** A scripted answer, given {@code times} times. */
	private static final class Fault {

		private final Predicate<Request> when;

		private final int status;

		private final Map<String, String> headers;

		private final long delayMillis;

		private int times;

		Fault(Predicate<Request> when, int status, Map<String, String> headers, long delayMillis, int times) {
			this.when = when;
			this.status = status;
			this.headers = headers;
			this.delayMillis = delayMillis;
			this.times = times;
		}

		Predicate<Request> when() {
			return this.when;
		}

		int status() {
			return this.status;
		}

		Map<String, String> headers() {
			return this.headers;
		}

		long delayMillis() {
			return this.delayMillis;
		}

		synchronized boolean take() {
			if (this.times <= 0) {
				return false;
			}
			this.times--;
			return true;
		}

	}

}
