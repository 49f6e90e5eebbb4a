package dev.ballast.checks;

import java.util.Locale;

/**
 * What a check looks at. Namespace checks also cover the namespace's Services, Ingresses,
 * PodDisruptionBudgets, autoscalers, NetworkPolicies and RoleBindings; cluster checks also cover
 * cluster-wide objects such as ClusterRoleBindings.
 */
public enum Target {

	/** One container of a pod template. */
	CONTAINER,
	/** The pod template as a whole (host namespaces, volumes, tolerations). */
	POD_TEMPLATE,
	/** The controller: replicas, placement of its pods, budgets, autoscaling. */
	WORKLOAD,
	/** A namespace and the objects in it. */
	NAMESPACE,
	/** A node. */
	NODE,
	/** The cluster as a whole. */
	CLUSTER;

	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
