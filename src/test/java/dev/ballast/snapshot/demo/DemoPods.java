package dev.ballast.snapshot.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.ballast.snapshot.demo.Yaml.list;
import static dev.ballast.snapshot.demo.Yaml.map;
import static dev.ballast.snapshot.demo.Yaml.meta;

/**
 * Turns the demo apps into what a {@code kubectl get -A -o yaml} dump holds: the controllers,
 * the ReplicaSets and Jobs they own, and the pods, placed on their nodes with IPs from each
 * node's pod CIDR.
 */
final class DemoPods {

	private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

	private static final String STARTED = "2024-04-28T09:30:00Z";

	final List<Map<String, Object>> controllers = new ArrayList<>();

	final List<Map<String, Object>> owned = new ArrayList<>();

	final List<Map<String, Object>> pods = new ArrayList<>();

	private final Map<String, DemoNodes.Node> nodes = new HashMap<>();

	private final Map<String, Integer> nextIp = new HashMap<>();

	private final Random random;

	DemoPods(List<DemoNodes.Node> nodes, Random random) {
		for (DemoNodes.Node node : nodes) {
			this.nodes.put(node.name(), node);
		}
		this.random = random;
	}

	static String uid(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8)).toString();
	}

	void add(App app) {
		Map<String, Object> labels = map("app", app.name);
		Map<String, Object> template = map("metadata", map("labels", new LinkedHashMap<>(labels)), "spec", app.pod);
		Map<String, Object> metadata = meta(app.namespace, app.name, "uid", uid(app.kind, app.namespace, app.name),
				"labels", new LinkedHashMap<>(labels), "creationTimestamp", "2024-02-12T10:00:00Z");
		String hash = hash(app.name);
		switch (app.kind) {
			case "Deployment" -> {
				this.controllers.add(Yaml.object("apps/v1", "Deployment", metadata, "spec",
						spec(app, map("replicas", app.replicas, "selector", map("matchLabels", labels)), template), "status",
						map("replicas", app.replicas, "readyReplicas", ready(app), "availableReplicas", ready(app))));
				String rs = app.name + "-" + hash;
				Map<String, Object> rsLabels = map("app", app.name, "pod-template-hash", hash);
				Map<String, Object> rsTemplate = map("metadata", map("labels", rsLabels), "spec", app.pod);
				this.owned.add(Yaml.object("apps/v1", "ReplicaSet",
						meta(app.namespace, rs, "uid", uid("ReplicaSet", app.namespace, rs), "labels", rsLabels,
								"ownerReferences", owner("apps/v1", "Deployment", app.name, uid(app.kind, app.namespace, app.name))),
						"spec", map("replicas", app.replicas, "selector", map("matchLabels", rsLabels), "template", rsTemplate),
						"status", map("replicas", app.replicas, "readyReplicas", ready(app))));
				pods(app, "ReplicaSet", rs, rsLabels, (i) -> rs + "-" + suffix());
			}
			case "StatefulSet", "DaemonSet" -> {
				Map<String, Object> spec = spec(app, map("selector", map("matchLabels", labels)), template);
				if (app.kind.equals("StatefulSet")) {
					spec.put("replicas", app.replicas);
				}
				this.controllers.add(Yaml.object("apps/v1", app.kind, metadata, "spec", spec, "status",
						app.kind.equals("StatefulSet") ? map("replicas", app.replicas, "readyReplicas", ready(app))
								: map("desiredNumberScheduled", app.podCount(), "numberReady", ready(app))));
				pods(app, app.kind, app.name, map("app", app.name, "controller-revision-hash", app.name + "-" + hash),
						(i) -> app.kind.equals("StatefulSet") ? app.name + "-" + i : app.name + "-" + suffix());
			}
			case "Job" -> {
				this.controllers.add(Yaml.object("batch/v1", "Job", metadata, "spec", spec(app, map(), template), "status",
						app.phase.equals("Succeeded") ? map("succeeded", 1) : map("active", 1)));
				pods(app, "Job", app.name, map("app", app.name, "job-name", app.name), (i) -> app.name + "-" + suffix());
			}
			case "CronJob" -> {
				Map<String, Object> jobSpec = map("template", template);
				this.controllers.add(Yaml.object("batch/v1", "CronJob", metadata, "spec",
						spec(app, map(), map("jobTemplate", map("spec", jobSpec))), "status", map()));
				if (!app.nodes.isEmpty()) {
					String job = app.name + "-28573920";
					this.owned.add(Yaml.object("batch/v1", "Job",
							meta(app.namespace, job, "uid", uid("Job", app.namespace, job), "ownerReferences",
									owner("batch/v1", "CronJob", app.name, uid(app.kind, app.namespace, app.name))),
							"spec", map("template", template), "status", map("succeeded", 1)));
					pods(app, "Job", job, map("app", app.name, "job-name", job), (i) -> job + "-" + suffix());
				}
			}
			default -> pods(app, null, null, labels, (i) -> app.name);
		}
	}

	private static Map<String, Object> spec(App app, Map<String, Object> base, Map<String, Object> template) {
		Map<String, Object> spec = new LinkedHashMap<>(base);
		Map<String, Object> controller = new LinkedHashMap<>(app.controller);
		if (app.kind.equals("CronJob")) {
			spec.putAll(controller);
			spec.putAll(template);
			return spec;
		}
		spec.putAll(controller);
		spec.put("template", template);
		return spec;
	}

	private int ready(App app) {
		return app.phase.equals("Running") ? app.podCount() : 0;
	}

	private void pods(App app, String ownerKind, String ownerName, Map<String, Object> labels,
			java.util.function.IntFunction<String> names) {
		int count = (app.kind.equals("CronJob") || app.kind.equals("Job") || app.kind.equals("Pod")) ? 1 : app.podCount();
		for (int i = 0; i < count; i++) {
			String name = names.apply(i);
			Map<String, Object> podLabels = new LinkedHashMap<>(labels);
			if (app.kind.equals("StatefulSet")) {
				podLabels.put("statefulset.kubernetes.io/pod-name", name);
			}
			Map<String, Object> metadata = meta(app.namespace, name, "uid", uid("Pod", app.namespace, name), "labels",
					podLabels, "creationTimestamp", STARTED);
			if (ownerKind != null) {
				metadata.put("ownerReferences", owner(ownerKind.equals("Job") ? "batch/v1" : "apps/v1", ownerKind, ownerName,
						uid(ownerKind, app.namespace, ownerName)));
			}
			String node = (app.unschedulable == null) ? app.nodes.get(i) : null;
			Map<String, Object> spec = new LinkedHashMap<>(app.pod);
			spec.putIfAbsent("serviceAccountName", "default");
			spec.putIfAbsent("restartPolicy", "Always");
			spec.putIfAbsent("terminationGracePeriodSeconds", 30);
			if (!app.kind.equals("DaemonSet")) {
				List<Object> tolerations = new ArrayList<>();
				if (spec.get("tolerations") instanceof List<?> own) {
					tolerations.addAll(own);
				}
				tolerations.add(map("key", "node.kubernetes.io/not-ready", "operator", "Exists", "effect", "NoExecute",
						"tolerationSeconds", 300));
				tolerations.add(map("key", "node.kubernetes.io/unreachable", "operator", "Exists", "effect", "NoExecute",
						"tolerationSeconds", 300));
				spec.put("tolerations", tolerations);
			}
			if (node != null) {
				spec.put("nodeName", node);
			}
			this.pods.add(Yaml.object("v1", "Pod", metadata, "spec", spec, "status", status(app, i, node)));
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> status(App app, int index, String nodeName) {
		if (nodeName == null) {
			return map("phase", "Pending", "conditions", list(map("type", "PodScheduled", "status", "False", "reason",
					"Unschedulable", "message", app.unschedulable, "lastTransitionTime", STARTED)), "qosClass", "Burstable");
		}
		DemoNodes.Node node = this.nodes.get(nodeName);
		String ip = Boolean.TRUE.equals(app.pod.get("hostNetwork")) ? node.hostIp()
				: node.ip(this.nextIp.merge(nodeName, 2, (a, b) -> a + 1));
		boolean done = app.phase.equals("Succeeded");
		List<Object> statuses = new ArrayList<>();
		for (Object item : (List<Object>) app.pod.get("containers")) {
			Map<String, Object> container = (Map<String, Object>) item;
			int restarts = app.restarts.getOrDefault(index, (this.random.nextInt(10) == 0) ? 1 : 0);
			Map<String, Object> last = app.lastTerminated.containsKey(index) && statuses.isEmpty()
					? map("terminated", app.lastTerminated.get(index))
					: ((restarts > 0) ? map("terminated", map("exitCode", 1, "reason", "Error", "startedAt",
							"2024-04-30T11:02:00Z", "finishedAt", "2024-04-30T13:40:21Z")) : map());
			Map<String, Object> state = done
					? map("terminated", map("exitCode", 0, "reason", "Completed", "startedAt", "2024-05-01T02:00:04Z",
							"finishedAt", "2024-05-01T02:11:45Z"))
					: map("running", map("startedAt", (restarts > 0) ? "2024-05-01T07:41:05Z" : STARTED));
			statuses.add(map("name", container.get("name"), "image", container.get("image"), "imageID",
					"sha256:" + uid("image", String.valueOf(container.get("image"))).replace("-", ""), "ready", !done,
					"restartCount", statuses.isEmpty() ? restarts : 0, "started", !done, "state", state, "lastState",
					statuses.isEmpty() ? last : map()));
		}
		String ready = done ? "False" : "True";
		return map("phase", app.phase, "conditions",
				list(condition("Initialized", "True"), condition("Ready", ready), condition("ContainersReady", ready),
						condition("PodScheduled", "True")),
				"hostIP", node.hostIp(), "podIP", ip, "podIPs", list(map("ip", ip)), "startTime", STARTED,
				"containerStatuses", statuses, "qosClass", "Burstable");
	}

	private static Map<String, Object> condition(String type, String status) {
		return map("type", type, "status", status, "lastTransitionTime", STARTED);
	}

	static List<Object> owner(String apiVersion, String kind, String name, String uid) {
		return list(map("apiVersion", apiVersion, "kind", kind, "name", name, "uid", uid, "controller", true,
				"blockOwnerDeletion", true));
	}

	private static String hash(String name) {
		Random random = new Random(name.hashCode());
		StringBuilder hash = new StringBuilder();
		for (int i = 0; i < 9; i++) {
			hash.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return hash.toString();
	}

	private String suffix() {
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			suffix.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return suffix.toString();
	}

}
