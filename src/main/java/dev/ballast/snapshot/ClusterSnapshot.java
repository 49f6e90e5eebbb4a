package dev.ballast.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import org.jspecify.annotations.Nullable;

/**
 * Everything Ballast knows about one cluster at one moment, read by every check and analysis.
 * Immutable; made by {@link #builder()} from a live API server or from manifest files, so every
 * check runs the same online and offline. Kinds that could not be read are listed in
 * {@link #gaps()}; Secrets are never held.
 */
public final class ClusterSnapshot {

	private final SnapshotSource source;

	private final List<Gap> gaps;

	private final List<ClusterNode> nodes;

	private final List<Namespace> namespaces;

	private final List<Workload> workloads;

	private final List<PodFacts> pods;

	private final List<Service> services;

	private final List<EndpointCount> endpoints;

	private final List<Ingress> ingresses;

	private final List<V1NetworkPolicy> networkPolicies;

	private final List<V1LimitRange> limitRanges;

	private final List<V1ResourceQuota> resourceQuotas;

	private final List<DisruptionBudget> disruptionBudgets;

	private final List<Autoscaler> autoscalers;

	private final List<PriorityClass> priorityClasses;

	private final Rbac rbac;

	private final List<ServiceAccount> serviceAccounts;

	private final List<ConfigMap> configMaps;

	private final List<NodeUsage> nodeUsage;

	private final List<PodUsage> podUsage;

	private final Map<String, List<PodFacts>> podsByOwner;

	private final Map<String, List<PodFacts>> podsByNode;

	ClusterSnapshot(SnapshotSource source, List<Gap> gaps, List<ClusterNode> nodes, List<Namespace> namespaces,
			List<Workload> workloads, List<PodFacts> pods, List<Service> services, List<EndpointCount> endpoints,
			List<Ingress> ingresses, Policies policies, Rbac rbac, List<ServiceAccount> serviceAccounts,
			List<ConfigMap> configMaps, List<NodeUsage> nodeUsage, List<PodUsage> podUsage) {
		this.source = source;
		this.gaps = List.copyOf(gaps);
		this.nodes = List.copyOf(nodes);
		this.namespaces = List.copyOf(namespaces);
		this.workloads = List.copyOf(workloads);
		this.pods = List.copyOf(pods);
		this.services = List.copyOf(services);
		this.endpoints = List.copyOf(endpoints);
		this.ingresses = List.copyOf(ingresses);
		this.networkPolicies = List.copyOf(policies.networkPolicies());
		this.limitRanges = List.copyOf(policies.limitRanges());
		this.resourceQuotas = List.copyOf(policies.resourceQuotas());
		this.disruptionBudgets = List.copyOf(policies.disruptionBudgets());
		this.autoscalers = List.copyOf(policies.autoscalers());
		this.priorityClasses = List.copyOf(policies.priorityClasses());
		this.rbac = rbac;
		this.serviceAccounts = List.copyOf(serviceAccounts);
		this.configMaps = List.copyOf(configMaps);
		this.nodeUsage = List.copyOf(nodeUsage);
		this.podUsage = List.copyOf(podUsage);
		Map<String, List<PodFacts>> byOwner = new HashMap<>();
		Map<String, List<PodFacts>> byNode = new HashMap<>();
		for (PodFacts pod : this.pods) {
			if (pod.owner() != null) {
				byOwner.computeIfAbsent(ownerKey(pod.namespace(), pod.owner()), (key) -> new ArrayList<>()).add(pod);
			}
			if (pod.nodeName() != null) {
				byNode.computeIfAbsent(pod.nodeName(), (key) -> new ArrayList<>()).add(pod);
			}
		}
		this.podsByOwner = freeze(byOwner);
		this.podsByNode = freeze(byNode);
	}

	/**
	 * Starts a snapshot; the live collector and the manifest reader both fill one.
	 * @return a new builder
	 */
	public static SnapshotBuilder builder() {
		return new SnapshotBuilder();
	}

	public SnapshotSource source() {
		return this.source;
	}

	/**
	 * Kinds that could not be read, with the reason.
	 * @return the gaps
	 */
	public List<Gap> gaps() {
		return this.gaps;
	}

	/**
	 * The gap for a kind, if that kind is missing.
	 * @param kind e.g. {@code NetworkPolicy}
	 * @return the gap or {@code null}
	 */
	public @Nullable Gap gap(String kind) {
		for (Gap gap : this.gaps) {
			if (gap.kind().equals(kind)) {
				return gap;
			}
		}
		return null;
	}

	public List<ClusterNode> nodes() {
		return this.nodes;
	}

	public List<Namespace> namespaces() {
		return this.namespaces;
	}

	public List<Workload> workloads() {
		return this.workloads;
	}

	public List<PodFacts> pods() {
		return this.pods;
	}

	/**
	 * The pods a workload owns (for a Deployment: the pods of its ReplicaSets).
	 * @param workload the workload
	 * @return its pods
	 */
	public List<PodFacts> podsOf(Workload workload) {
		return this.podsByOwner.getOrDefault(ownerKey(workload.namespace(), workload.ref()), List.of());
	}

	/**
	 * The pods bound to a node.
	 * @param nodeName the node name
	 * @return its pods
	 */
	public List<PodFacts> podsOn(String nodeName) {
		return this.podsByNode.getOrDefault(nodeName, List.of());
	}

	public List<Service> services() {
		return this.services;
	}

	public List<EndpointCount> endpoints() {
		return this.endpoints;
	}

	public List<Ingress> ingresses() {
		return this.ingresses;
	}

	public List<V1NetworkPolicy> networkPolicies() {
		return this.networkPolicies;
	}

	public List<V1LimitRange> limitRanges() {
		return this.limitRanges;
	}

	public List<V1ResourceQuota> resourceQuotas() {
		return this.resourceQuotas;
	}

	public List<DisruptionBudget> disruptionBudgets() {
		return this.disruptionBudgets;
	}

	public List<Autoscaler> autoscalers() {
		return this.autoscalers;
	}

	public List<PriorityClass> priorityClasses() {
		return this.priorityClasses;
	}

	public List<V1Role> roles() {
		return this.rbac.roles();
	}

	public List<V1ClusterRole> clusterRoles() {
		return this.rbac.clusterRoles();
	}

	public List<V1RoleBinding> roleBindings() {
		return this.rbac.roleBindings();
	}

	public List<V1ClusterRoleBinding> clusterRoleBindings() {
		return this.rbac.clusterRoleBindings();
	}

	public List<ServiceAccount> serviceAccounts() {
		return this.serviceAccounts;
	}

	public List<ConfigMap> configMaps() {
		return this.configMaps;
	}

	/**
	 * Node usage from metrics.k8s.io; empty when the metrics API was not read.
	 * @return usage per node
	 */
	public List<NodeUsage> nodeUsage() {
		return this.nodeUsage;
	}

	/**
	 * Pod usage from metrics.k8s.io; empty when the metrics API was not read.
	 * @return usage per pod
	 */
	public List<PodUsage> podUsage() {
		return this.podUsage;
	}

	/**
	 * The same snapshot with one more warning, e.g. about the credential it was taken with.
	 * @param warning what the reader of the snapshot should know
	 * @return a new snapshot
	 */
	public ClusterSnapshot withWarning(String warning) {
		List<String> warnings = new ArrayList<>(this.source.warnings());
		warnings.add(warning);
		SnapshotSource source = new SnapshotSource(this.source.clusterName(), this.source.origin(),
				this.source.takenAt(), this.source.serverVersion(), warnings, this.source.secretsDropped(),
				this.source.otherKinds());
		return new ClusterSnapshot(source, this.gaps, this.nodes, this.namespaces, this.workloads, this.pods,
				this.services, this.endpoints, this.ingresses, new Policies(this.networkPolicies, this.limitRanges,
						this.resourceQuotas, this.disruptionBudgets, this.autoscalers, this.priorityClasses),
				this.rbac, this.serviceAccounts, this.configMaps, this.nodeUsage, this.podUsage);
	}

	private static String ownerKey(String namespace, WorkloadRef owner) {
		return namespace + '/' + owner.kind() + '/' + owner.name();
	}

	private static Map<String, List<PodFacts>> freeze(Map<String, List<PodFacts>> index) {
		index.replaceAll((key, list) -> List.copyOf(list));
		return Collections.unmodifiableMap(index);
	}

	/** The namespaced policies, grouped to keep the constructor short. */
	record Policies(List<V1NetworkPolicy> networkPolicies, List<V1LimitRange> limitRanges,
			List<V1ResourceQuota> resourceQuotas, List<DisruptionBudget> disruptionBudgets,
			List<Autoscaler> autoscalers, List<PriorityClass> priorityClasses) {
	}

	/** The RBAC objects, typed. */
	record Rbac(List<V1Role> roles, List<V1ClusterRole> clusterRoles, List<V1RoleBinding> roleBindings,
			List<V1ClusterRoleBinding> clusterRoleBindings) {

		Rbac {
			roles = List.copyOf(roles);
			clusterRoles = List.copyOf(clusterRoles);
			roleBindings = List.copyOf(roleBindings);
			clusterRoleBindings = List.copyOf(clusterRoleBindings);
		}

	}

}
