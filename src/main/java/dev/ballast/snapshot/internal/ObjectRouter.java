package dev.ballast.snapshot.internal;

import java.util.List;
import java.util.Map;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.NodeMetrics;
import io.kubernetes.client.custom.PodMetrics;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PriorityClass;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.SnapshotBuilder;

/**
 * Routes one object read from a manifest to the snapshot builder: by API group and kind to its
 * client-java model (older API versions with the same shape read into the current model), Secrets
 * dropped and counted unread, kinds the model does not hold counted.
 */
public final class ObjectRouter {

	private static final Map<String, Class<? extends KubernetesObject>> MODELS = Map.ofEntries(
			Map.entry("/Node", V1Node.class), Map.entry("/Namespace", V1Namespace.class),
			Map.entry("/Pod", V1Pod.class), Map.entry("/Service", V1Service.class),
			Map.entry("/Endpoints", V1Endpoints.class), Map.entry("/ConfigMap", V1ConfigMap.class),
			Map.entry("/ServiceAccount", V1ServiceAccount.class), Map.entry("/LimitRange", V1LimitRange.class),
			Map.entry("/ResourceQuota", V1ResourceQuota.class), Map.entry("apps/Deployment", V1Deployment.class),
			Map.entry("apps/StatefulSet", V1StatefulSet.class), Map.entry("apps/DaemonSet", V1DaemonSet.class),
			Map.entry("apps/ReplicaSet", V1ReplicaSet.class), Map.entry("extensions/Deployment", V1Deployment.class),
			Map.entry("extensions/DaemonSet", V1DaemonSet.class), Map.entry("extensions/ReplicaSet", V1ReplicaSet.class),
			Map.entry("batch/Job", V1Job.class), Map.entry("batch/CronJob", V1CronJob.class),
			Map.entry("discovery.k8s.io/EndpointSlice", V1EndpointSlice.class),
			Map.entry("networking.k8s.io/Ingress", V1Ingress.class), Map.entry("extensions/Ingress", V1Ingress.class),
			Map.entry("networking.k8s.io/NetworkPolicy", V1NetworkPolicy.class),
			Map.entry("extensions/NetworkPolicy", V1NetworkPolicy.class),
			Map.entry("policy/PodDisruptionBudget", V1PodDisruptionBudget.class),
			Map.entry("autoscaling/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
			Map.entry("scheduling.k8s.io/PriorityClass", V1PriorityClass.class),
			Map.entry("rbac.authorization.k8s.io/Role", V1Role.class),
			Map.entry("rbac.authorization.k8s.io/ClusterRole", V1ClusterRole.class),
			Map.entry("rbac.authorization.k8s.io/RoleBinding", V1RoleBinding.class),
			Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", V1ClusterRoleBinding.class),
			Map.entry("metrics.k8s.io/NodeMetrics", NodeMetrics.class),
			Map.entry("metrics.k8s.io/PodMetrics", PodMetrics.class));

	private final SnapshotBuilder builder;

	public ObjectRouter(SnapshotBuilder builder) {
		this.builder = builder;
	}

	/**
	 * Adds one object to the snapshot.
	 * @param object the object as read
	 * @return {@code null}, or what is wrong with the object
	 */
	@SuppressWarnings("unchecked")
	public @Nullable String route(Map<String, Object> object) {
		Object apiVersion = object.get("apiVersion");
		Object kind = object.get("kind");
		if (!(apiVersion instanceof String version) || !(kind instanceof String name) || name.isEmpty()) {
			return "not a Kubernetes object: it has no apiVersion and kind";
		}
		if (name.endsWith("List") && object.get("items") instanceof List<?> items) {
			for (Object item : items) {
				String problem = (item instanceof Map<?, ?> map) ? route((Map<String, Object>) map)
						: "a list item is not an object";
				if (problem != null) {
					return problem;
				}
			}
			return null;
		}
		int slash = version.indexOf('/');
		String group = (slash < 0) ? "" : version.substring(0, slash);
		if (group.isEmpty() && name.equals("Secret")) {
			this.builder.secretDropped();
			return null;
		}
		Class<? extends KubernetesObject> model = MODELS.get(group + "/" + name);
		if (model == null) {
			this.builder.otherKind(group.isEmpty() ? name : name + "." + group);
			return null;
		}
		if (model == V2HorizontalPodAutoscaler.class && version.equals("autoscaling/v1")) {
			model = V1HorizontalPodAutoscaler.class;
		}
		Map<String, Object> shaped = (model == V1Ingress.class && !version.equals("networking.k8s.io/v1"))
				? LegacyIngress.toV1(object) : object;
		KubernetesObject typed;
		try {
			typed = KubernetesJson.typed(shaped, model);
		}
		catch (RuntimeException ex) {
			return "cannot read " + name + " " + name(object) + ": " + reason(ex);
		}
		this.builder.add(typed, object);
		return null;
	}

	private static String name(Map<String, Object> object) {
		if (object.get("metadata") instanceof Map<?, ?> metadata) {
			Object namespace = metadata.get("namespace");
			Object name = metadata.get("name");
			return (namespace != null) ? namespace + "/" + name : String.valueOf(name);
		}
		return "(unnamed)";
	}

	private static String reason(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return message.replaceAll("^[a-zA-Z.]+(Exception|Error): ", "").replaceAll(" at line \\d+ column \\d+", "");
	}

}
