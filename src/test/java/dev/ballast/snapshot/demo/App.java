package dev.ballast.snapshot.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ballast.snapshot.demo.Yaml.list;
import static dev.ballast.snapshot.demo.Yaml.map;

/**
 * One demo workload: its controller, pod spec and where its pods landed, with the status quirks
 * the demo wants to show (restarts, OOMKilled, unschedulable, completed).
 */
final class App {

	final String kind;

	final String namespace;

	final String name;

	final Map<String, Object> pod = new LinkedHashMap<>();

	final Map<String, Object> controller = new LinkedHashMap<>();

	final List<String> nodes = new ArrayList<>();

	final Map<Integer, Map<String, Object>> lastTerminated = new LinkedHashMap<>();

	final Map<Integer, Integer> restarts = new LinkedHashMap<>();

	int replicas = 1;

	String phase = "Running";

	String unschedulable;

	App(String kind, String namespace, String name) {
		this.kind = kind;
		this.namespace = namespace;
		this.name = name;
	}

	static Map<String, Object> container(String name, String image, String cpu, String memory, String cpuLimit,
			String memoryLimit) {
		Map<String, Object> requests = map("cpu", cpu, "memory", memory);
		Map<String, Object> limits = map("cpu", cpuLimit, "memory", memoryLimit);
		Map<String, Object> resources = new LinkedHashMap<>();
		if (cpu != null || memory != null) {
			resources.put("requests", requests);
		}
		if (!limits.isEmpty()) {
			resources.put("limits", limits);
		}
		return map("name", name, "image", image, "imagePullPolicy", "IfNotPresent", "resources", resources);
	}

	static Map<String, Object> httpProbe(String path, int port, int period) {
		return map("httpGet", map("path", path, "port", port, "scheme", "HTTP"), "periodSeconds", period,
				"timeoutSeconds", 1, "failureThreshold", 3);
	}

	static Map<String, Object> preStopSleep(int seconds) {
		return map("preStop", map("exec", map("command", list("sh", "-c", "sleep " + seconds))));
	}

	static List<Object> env(String... namesAndValues) {
		List<Object> env = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			env.add(map("name", namesAndValues[i], "value", namesAndValues[i + 1]));
		}
		return env;
	}

	static Map<String, Object> antiAffinity(String app) {
		return map("podAntiAffinity", map("preferredDuringSchedulingIgnoredDuringExecution",
				list(map("weight", 100, "podAffinityTerm", map("labelSelector", map("matchLabels", map("app", app)),
						"topologyKey", "kubernetes.io/hostname")))));
	}

	App replicas(int replicas) {
		this.replicas = replicas;
		return this;
	}

	App containers(Object... containers) {
		this.pod.put("containers", list(containers));
		return this;
	}

	App spec(Object... keysAndValues) {
		this.pod.putAll(map(keysAndValues));
		return this;
	}

	App controller(Object... keysAndValues) {
		this.controller.putAll(map(keysAndValues));
		return this;
	}

	App on(String... nodes) {
		this.nodes.addAll(List.of(nodes));
		return this;
	}

	App restarts(int pod, int count) {
		this.restarts.put(pod, count);
		return this;
	}

	App oomKilled(int pod, int restarts) {
		this.restarts.put(pod, restarts);
		this.lastTerminated.put(pod, map("exitCode", 137, "reason", "OOMKilled", "startedAt", "2024-05-01T05:12:40Z",
				"finishedAt", "2024-05-01T07:41:03Z"));
		return this;
	}

	App pending(String message) {
		this.phase = "Pending";
		this.unschedulable = message;
		return this;
	}

	App succeeded() {
		this.phase = "Succeeded";
		return this;
	}

	/** The number of pods: replicas, or one per node for a DaemonSet. */
	int podCount() {
		return this.kind.equals("DaemonSet") ? this.nodes.size() : this.replicas;
	}

}
