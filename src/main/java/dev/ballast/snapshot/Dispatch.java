package dev.ballast.snapshot;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PriorityClass;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.jspecify.annotations.Nullable;

/**
 * Routes the non-workload kinds to their reducer; typed kinds the model keeps as they are
 * (NetworkPolicy, LimitRange, ResourceQuota, RBAC) pass through.
 */
final class Dispatch {

	private Dispatch() {
	}

	static @Nullable Object reduce(SnapshotBuilder.Reducers reduce, KubernetesObject object) {
		if (object instanceof V1Node node) {
			return reduce.nodes().node(node);
		}
		if (object instanceof V1Namespace namespace) {
			return reduce.nodes().namespace(namespace);
		}
		if (object instanceof V1Service service) {
			return reduce.services().service(service);
		}
		if (object instanceof V1EndpointSlice slice) {
			return new Endpoints.Slice(reduce.services().slice(slice),
					(slice.getAddressType() != null) ? slice.getAddressType() : "IPv4");
		}
		if (object instanceof V1Endpoints endpoints) {
			return reduce.services().endpoints(endpoints);
		}
		if (object instanceof V1Ingress ingress) {
			return reduce.services().ingress(ingress);
		}
		if (object instanceof V1PodDisruptionBudget budget) {
			return reduce.policies().disruptionBudget(budget);
		}
		if (object instanceof V2HorizontalPodAutoscaler autoscaler) {
			return reduce.policies().autoscaler(autoscaler);
		}
		if (object instanceof V1HorizontalPodAutoscaler autoscaler) {
			return reduce.policies().autoscaler(autoscaler);
		}
		if (object instanceof V1PriorityClass priorityClass) {
			return reduce.policies().priorityClass(priorityClass);
		}
		if (object instanceof V1ServiceAccount account) {
			return reduce.policies().serviceAccount(account);
		}
		if (object instanceof V1ConfigMap configMap) {
			return reduce.policies().configMap(configMap);
		}
		if (object instanceof V1NetworkPolicy || object instanceof V1LimitRange || object instanceof V1ResourceQuota
				|| object instanceof V1Role || object instanceof V1ClusterRole || object instanceof V1RoleBinding
				|| object instanceof V1ClusterRoleBinding) {
			return object;
		}
		return null;
	}

}
