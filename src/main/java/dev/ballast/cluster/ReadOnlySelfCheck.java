package dev.ballast.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decides whether a credential is read-only enough for Ballast, asking the server about each
 * dangerous permission one by one, cluster-wide and in a sample of namespaces: any write verb on
 * any served resource, reading Secrets, exec/attach/port-forward into pods, proxying to nodes,
 * impersonation, escalate/bind on roles, and creating service-account tokens. It also lists
 * which of the kinds Ballast reads the credential cannot list. Pure logic over discovery and an
 * {@link AccessReviewer}; the reviews run in parallel on a small pool.
 */
final class ReadOnlySelfCheck {

	static final Set<String> WRITE_VERBS = Set.of("create", "update", "patch", "delete", "deletecollection");

	/** APIs whose "create" asks a question and changes nothing. */
	private static final Set<String> QUERY_GROUPS = Set.of("authorization.k8s.io", "authentication.k8s.io");

	/** What Ballast lists, by group and resource; a served one the credential cannot list is a gap. */
	static final Map<String, List<String>> READS = Map.of("",
			List.of("nodes", "namespaces", "pods", "services", "endpoints", "configmaps", "serviceaccounts",
					"limitranges", "resourcequotas"),
			"apps", List.of("deployments", "statefulsets", "daemonsets", "replicasets"), "batch",
			List.of("jobs", "cronjobs"), "networking.k8s.io", List.of("ingresses", "networkpolicies"),
			"discovery.k8s.io", List.of("endpointslices"), "policy", List.of("poddisruptionbudgets"), "autoscaling",
			List.of("horizontalpodautoscalers"), "scheduling.k8s.io", List.of("priorityclasses"),
			"rbac.authorization.k8s.io", List.of("roles", "rolebindings", "clusterroles", "clusterrolebindings"));

	private static final int PARALLEL_REVIEWS = 8;

	private final Clock clock;

	ReadOnlySelfCheck(Clock clock) {
		this.clock = clock;
	}

	ReadOnlyVerdict check(List<ServedResource> served, List<String> namespaceSample, AccessReviewer reviewer)
			throws ClusterAccessException {
		List<Permission> dangerous = dangerousProbes(served, namespaceSample);
		List<Permission> reads = readProbes(served);
		List<Permission> all = new ArrayList<>(dangerous);
		all.addAll(reads);
		Map<Permission, Boolean> answers = review(all, reviewer);
		List<Permission> granted = dangerous.stream()
			.filter(answers::get)
			.filter((p) -> p.namespace().isEmpty() || !answers.getOrDefault(p.in(""), false))
			.toList();
		List<Permission> unreadable = reads.stream().filter((p) -> !answers.get(p)).toList();
		return new ReadOnlyVerdict(granted, unreadable, all.size(), Instant.now(this.clock));
	}

	static List<Permission> dangerousProbes(List<ServedResource> served, List<String> namespaces) {
		Set<Permission> probes = new LinkedHashSet<>();
		for (ServedResource resource : served) {
			if (QUERY_GROUPS.contains(resource.group())) {
				continue;
			}
			for (String verb : resource.verbs()) {
				if (WRITE_VERBS.contains(verb)) {
					add(probes, Permission.clusterWide(verb, resource.group(), resource.baseResource(),
							resource.subresource()), resource.namespaced(), namespaces);
				}
			}
		}
		for (String verb : List.of("get", "list", "watch")) {
			add(probes, Permission.clusterWide(verb, "", "secrets", ""), true, namespaces);
		}
		for (String sub : List.of("exec", "attach", "portforward")) {
			for (String verb : List.of("create", "get")) {
				add(probes, Permission.clusterWide(verb, "", "pods", sub), true, namespaces);
			}
		}
		probes.add(Permission.clusterWide("get", "", "nodes", "proxy"));
		probes.add(Permission.clusterWide("create", "", "nodes", "proxy"));
		for (String who : List.of("users", "groups", "serviceaccounts")) {
			probes.add(Permission.clusterWide("impersonate", "", who, ""));
		}
		for (String role : List.of("roles", "clusterroles")) {
			for (String verb : List.of("escalate", "bind")) {
				add(probes, Permission.clusterWide(verb, "rbac.authorization.k8s.io", role, ""),
						role.equals("roles"), namespaces);
			}
		}
		add(probes, Permission.clusterWide("create", "", "serviceaccounts", "token"), true, namespaces);
		return List.copyOf(probes);
	}

	static List<Permission> readProbes(List<ServedResource> served) {
		List<Permission> probes = new ArrayList<>();
		for (ServedResource resource : served) {
			List<String> wanted = READS.get(resource.group());
			if (wanted != null && wanted.contains(resource.resource()) && resource.verbs().contains("list")) {
				probes.add(Permission.clusterWide("list", resource.group(), resource.resource(), ""));
			}
		}
		return probes;
	}

	private static void add(Set<Permission> probes, Permission clusterWide, boolean namespaced,
			List<String> namespaces) {
		probes.add(clusterWide);
		if (namespaced) {
			namespaces.forEach((namespace) -> probes.add(clusterWide.in(namespace)));
		}
	}

	private static Map<Permission, Boolean> review(List<Permission> probes, AccessReviewer reviewer)
			throws ClusterAccessException {
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REVIEWS);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (Permission probe : probes) {
				answers.add(pool.submit(() -> reviewer.allowed(probe)));
			}
			Map<Permission, Boolean> result = new java.util.HashMap<>();
			for (int i = 0; i < probes.size(); i++) {
				result.put(probes.get(i), answers.get(i).get());
			}
			return result;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ClusterAccessException access) {
				throw access;
			}
			throw new ClusterAccessException(ClusterAccessException.Reason.FAILED,
					"The access review failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ClusterAccessException(ClusterAccessException.Reason.FAILED, "Interrupted", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
