package dev.ballast.checks.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1LimitRangeItem;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Subject;
import dev.ballast.snapshot.Autoscaler;
import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.DisruptionBudget;
import dev.ballast.snapshot.Namespace;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Service;
import dev.ballast.snapshot.Workload;

/**
 * A snapshot with the lookups checks share, built once per run: objects by namespace, nodes by
 * name, autoscalers by target, the annotations of every subject.
 */
public final class Index {

	/** The node label of the zone. */
	public static final String ZONE = "topology.kubernetes.io/zone";

	/** The node label of the hostname. */
	public static final String HOSTNAME = "kubernetes.io/hostname";

	private final ClusterSnapshot snapshot;

	private final Map<String, Namespace> namespaces = new LinkedHashMap<>();

	private final Map<String, List<Workload>> workloads;

	private final Map<String, List<PodFacts>> pods;

	private final Map<String, List<Service>> services;

	private final Map<String, List<DisruptionBudget>> budgets;

	private final Map<String, List<V1NetworkPolicy>> networkPolicies;

	private final Map<String, List<V1LimitRange>> limitRanges;

	private final Map<String, Set<String>> serviceAccounts = new HashMap<>();

	private final Map<String, Autoscaler> autoscalers = new HashMap<>();

	private final Map<String, ClusterNode> nodes = new HashMap<>();

	private final Set<String> zones = new TreeSet<>();

	private final Map<Subject, Map<String, String>> annotations = new HashMap<>();

	private @Nullable List<WorkloadView> views;

	private @Nullable Map<String, List<WorkloadView>> viewsByNamespace;

	public Index(ClusterSnapshot snapshot) {
		this.snapshot = snapshot;
		for (Namespace namespace : snapshot.namespaces()) {
			this.namespaces.put(namespace.name(), namespace);
			this.annotations.put(new Subject("Namespace", "", namespace.name()), namespace.annotations());
		}
		this.workloads = group(snapshot.workloads(), Workload::namespace);
		this.pods = group(snapshot.pods(), PodFacts::namespace);
		this.services = group(snapshot.services(), Service::namespace);
		this.budgets = group(snapshot.disruptionBudgets(), DisruptionBudget::namespace);
		this.networkPolicies = group(snapshot.networkPolicies(), (policy) -> namespaceOf(policy.getMetadata()));
		this.limitRanges = group(snapshot.limitRanges(), (range) -> namespaceOf(range.getMetadata()));
		snapshot.serviceAccounts().forEach((account) -> this.serviceAccounts
			.computeIfAbsent(account.namespace(), (key) -> new java.util.HashSet<>()).add(account.name()));
		for (Autoscaler autoscaler : snapshot.autoscalers()) {
			if (autoscaler.target() != null) {
				this.autoscalers.put(key(autoscaler.namespace(), autoscaler.target().kind(), autoscaler.target().name()),
						autoscaler);
			}
		}
		for (ClusterNode node : snapshot.nodes()) {
			this.nodes.put(node.name(), node);
			this.annotations.put(new Subject("Node", "", node.name()), node.annotations());
			String zone = node.labels().get(ZONE);
			if (zone != null) {
				this.zones.add(zone);
			}
		}
		for (Workload workload : snapshot.workloads()) {
			this.annotations.put(subject(workload), workload.annotations());
		}
		for (Service service : snapshot.services()) {
			this.annotations.put(new Subject("Service", service.namespace(), service.name()), service.annotations());
		}
		snapshot.ingresses().forEach((ingress) -> this.annotations
			.put(new Subject("Ingress", ingress.namespace(), ingress.name()), ingress.annotations()));
	}

	public ClusterSnapshot snapshot() {
		return this.snapshot;
	}

	public Instant now() {
		return this.snapshot.source().takenAt();
	}

	/**
	 * Whether the snapshot holds a whole cluster (it has nodes), so node and cluster checks can
	 * judge it; a few manifest files do not.
	 * @return {@code true} with nodes
	 */
	public boolean wholeCluster() {
		return !this.snapshot.nodes().isEmpty();
	}

	/**
	 * Every workload as rules see it, made once and shared by all rules of a run.
	 * @return the views
	 */
	public List<WorkloadView> views() {
		if (this.views == null) {
			List<WorkloadView> views = new ArrayList<>(this.snapshot.workloads().size());
			for (Workload workload : this.snapshot.workloads()) {
				views.add(new WorkloadView(workload, this));
			}
			this.views = views;
		}
		return this.views;
	}

	/**
	 * The workloads of one namespace as rules see them.
	 * @param namespace the namespace
	 * @return the views
	 */
	public List<WorkloadView> views(String namespace) {
		if (this.viewsByNamespace == null) {
			this.viewsByNamespace = group(views(), WorkloadView::namespace);
		}
		return this.viewsByNamespace.getOrDefault(namespace, List.of());
	}

	public static Subject subject(Workload workload) {
		return new Subject(workload.kind(), workload.namespace(), workload.name());
	}

	public Map<String, String> annotations(Subject subject) {
		return this.annotations.getOrDefault(subject, Map.of());
	}

	public @Nullable Namespace namespace(String name) {
		return this.namespaces.get(name);
	}

	public List<Workload> workloads(String namespace) {
		return this.workloads.getOrDefault(namespace, List.of());
	}

	public List<PodFacts> pods(String namespace) {
		return this.pods.getOrDefault(namespace, List.of());
	}

	public List<Service> services(String namespace) {
		return this.services.getOrDefault(namespace, List.of());
	}

	public List<DisruptionBudget> budgets(String namespace) {
		return this.budgets.getOrDefault(namespace, List.of());
	}

	public List<V1NetworkPolicy> networkPolicies(String namespace) {
		return this.networkPolicies.getOrDefault(namespace, List.of());
	}

	/**
	 * Whether the snapshot lists ServiceAccounts of a namespace (so a missing one is missing).
	 * @param namespace the namespace
	 * @return the names, or {@code null} if none are known
	 */
	public @Nullable Set<String> serviceAccounts(String namespace) {
		return this.serviceAccounts.get(namespace);
	}

	public @Nullable Autoscaler autoscaler(Workload workload) {
		return this.autoscalers.get(key(workload.namespace(), workload.kind(), workload.name()));
	}

	public @Nullable ClusterNode node(String name) {
		return this.nodes.get(name);
	}

	/**
	 * The zones the nodes are in.
	 * @return zone names
	 */
	public Set<String> zones() {
		return this.zones;
	}

	/**
	 * Whether a LimitRange of the namespace gives containers a default for a resource.
	 * @param namespace the namespace
	 * @param request {@code true} for a default request (a default limit also becomes the request)
	 * @param resource e.g. {@code memory}
	 * @return {@code true} if Kubernetes fills it in at admission
	 */
	public boolean limitRangeDefault(String namespace, boolean request, String resource) {
		for (V1LimitRange range : this.limitRanges.getOrDefault(namespace, List.of())) {
			if (range.getSpec() == null) {
				continue;
			}
			for (V1LimitRangeItem item : range.getSpec().getLimits()) {
				if (!"Container".equals(item.getType())) {
					continue;
				}
				if (item.getDefault() != null && item.getDefault().containsKey(resource)) {
					return true;
				}
				if (request && item.getDefaultRequest() != null && item.getDefaultRequest().containsKey(resource)) {
					return true;
				}
			}
		}
		return false;
	}

	public boolean hasLimitRange(String namespace) {
		return this.limitRanges.containsKey(namespace);
	}

	/**
	 * The namespace as CEL's {@code namespaceObject} sees it.
	 * @param name the namespace
	 * @return the object, or {@code null} if the snapshot does not hold it
	 */
	public @Nullable Map<String, Object> namespaceObject(String name) {
		Namespace namespace = this.namespaces.get(name);
		if (namespace == null) {
			return null;
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", namespace.name());
		metadata.put("labels", namespace.labels());
		metadata.put("annotations", namespace.annotations());
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("apiVersion", "v1");
		object.put("kind", "Namespace");
		object.put("metadata", metadata);
		if (namespace.phase() != null) {
			object.put("status", Map.of("phase", namespace.phase()));
		}
		return object;
	}

	private static String namespaceOf(io.kubernetes.client.openapi.models.@Nullable V1ObjectMeta metadata) {
		return (metadata != null && metadata.getNamespace() != null) ? metadata.getNamespace() : "default";
	}

	private static String key(String namespace, String kind, String name) {
		return namespace + '/' + kind + '/' + name;
	}

	private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> namespace) {
		Map<String, List<T>> groups = new HashMap<>();
		for (T item : items) {
			groups.computeIfAbsent(namespace.apply(item), (key) -> new ArrayList<>()).add(item);
		}
		return groups;
	}

}
