package dev.ballast.snapshot.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

import dev.ballast.snapshot.Gap;

/**
 * What the live collector lists, and from which API version: each kind with the versions it can
 * read, best first. Older versions with the shape of the current one are read into the current
 * client-java model (policy/v1beta1 PodDisruptionBudget, batch/v1beta1 CronJob, autoscaling/v2beta2
 * HorizontalPodAutoscaler); older Ingresses are reshaped by {@link ObjectRouter}. Secrets are not
 * in the list, and nothing here can name them.
 */
public final class LiveKinds {

	/** Largest kinds first, so the longest lists start at once; metrics last. */
	static final List<Kind> ALL = List.of(kind("Pod", core("pods", V1Pod.class)),
			kind("ReplicaSet", of("apps/v1", "replicasets", V1ReplicaSet.class)),
			kind("EndpointSlice", of("discovery.k8s.io/v1", "endpointslices", V1EndpointSlice.class),
					of("discovery.k8s.io/v1beta1", "endpointslices", V1EndpointSlice.class),
					core("endpoints", V1Endpoints.class)),
			kind("ConfigMap", core("configmaps", V1ConfigMap.class)), kind("Node", core("nodes", V1Node.class)),
			kind("Deployment", of("apps/v1", "deployments", V1Deployment.class)),
			kind("Service", core("services", V1Service.class)),
			kind("ServiceAccount", core("serviceaccounts", V1ServiceAccount.class)),
			kind("RoleBinding", of("rbac.authorization.k8s.io/v1", "rolebindings", V1RoleBinding.class)),
			kind("Role", of("rbac.authorization.k8s.io/v1", "roles", V1Role.class)),
			kind("ClusterRole", of("rbac.authorization.k8s.io/v1", "clusterroles", V1ClusterRole.class)),
			kind("ClusterRoleBinding",
					of("rbac.authorization.k8s.io/v1", "clusterrolebindings", V1ClusterRoleBinding.class)),
			kind("StatefulSet", of("apps/v1", "statefulsets", V1StatefulSet.class)),
			kind("DaemonSet", of("apps/v1", "daemonsets", V1DaemonSet.class)),
			kind("Job", of("batch/v1", "jobs", V1Job.class)),
			kind("CronJob", of("batch/v1", "cronjobs", V1CronJob.class),
					of("batch/v1beta1", "cronjobs", V1CronJob.class)),
			kind("Namespace", core("namespaces", V1Namespace.class)),
			kind("Ingress", of("networking.k8s.io/v1", "ingresses", V1Ingress.class),
					legacy("networking.k8s.io/v1beta1", "ingresses"), legacy("extensions/v1beta1", "ingresses")),
			kind("NetworkPolicy", of("networking.k8s.io/v1", "networkpolicies", V1NetworkPolicy.class)),
			kind("LimitRange", core("limitranges", V1LimitRange.class)),
			kind("ResourceQuota", core("resourcequotas", V1ResourceQuota.class)),
			kind("PodDisruptionBudget", of("policy/v1", "poddisruptionbudgets", V1PodDisruptionBudget.class),
					of("policy/v1beta1", "poddisruptionbudgets", V1PodDisruptionBudget.class)),
			kind("HorizontalPodAutoscaler",
					of("autoscaling/v2", "horizontalpodautoscalers", V2HorizontalPodAutoscaler.class),
					of("autoscaling/v2beta2", "horizontalpodautoscalers", V2HorizontalPodAutoscaler.class),
					of("autoscaling/v1", "horizontalpodautoscalers", V1HorizontalPodAutoscaler.class)),
			kind("PriorityClass", of("scheduling.k8s.io/v1", "priorityclasses", V1PriorityClass.class),
					of("scheduling.k8s.io/v1beta1", "priorityclasses", V1PriorityClass.class)),
			kind("NodeMetrics", of("metrics.k8s.io/v1beta1", "nodes", NodeMetrics.class)),
			kind("PodMetrics", of("metrics.k8s.io/v1beta1", "pods", PodMetrics.class)));

	private LiveKinds() {
	}

	/**
	 * The group versions discovery must look at ({@code v1} for the core group).
	 * @return every group version some kind can be read from
	 */
	public static Set<String> groupVersions() {
		Set<String> versions = new LinkedHashSet<>();
		for (Kind kind : ALL) {
			for (Source source : kind.sources()) {
				versions.add(source.groupVersion());
			}
		}
		return versions;
	}

	/**
	 * Chooses a source for every kind: the first version the server serves the resource in.
	 * @param served what discovery found
	 * @return the lists to make and the kinds that cannot be read
	 */
	public static Plan plan(ServedApis served) {
		List<Source> lists = new ArrayList<>();
		List<Gap> unreadable = new ArrayList<>();
		for (Kind kind : ALL) {
			Source chosen = null;
			ServedApis.Failure failure = null;
			for (Source source : kind.sources()) {
				if (served.lists(source.groupVersion(), source.resource())) {
					chosen = source;
					break;
				}
				if (failure == null) {
					failure = served.failure(source.groupVersion());
				}
			}
			if (chosen != null) {
				lists.add(chosen);
			}
			else if (failure != null) {
				unreadable.add(new Gap(kind.name(), failure.reason(), failure.message()));
			}
			else {
				unreadable.add(new Gap(kind.name(), Gap.Reason.NOT_SERVED, "The server serves none of "
						+ String.join(", ", kind.sources().stream().map(Source::describe).toList()) + "."));
			}
		}
		return new Plan(lists, unreadable);
	}

	private static Kind kind(String name, Source... sources) {
		return new Kind(name, List.of(sources));
	}

	private static Source core(String resource, Class<? extends KubernetesObject> model) {
		return new Source(model.getSimpleName().substring(2), "v1", resource, model);
	}

	private static Source of(String groupVersion, String resource, Class<? extends KubernetesObject> model) {
		String kind = (model == NodeMetrics.class || model == PodMetrics.class) ? model.getSimpleName()
				: model.getSimpleName().substring(2);
		return new Source(kind, groupVersion, resource, model);
	}

	private static Source legacy(String groupVersion, String resource) {
		return new Source("Ingress", groupVersion, resource, null);
	}

	/** A kind and where it can be read from, best first. */
	record Kind(String name, List<Source> sources) {
	}

	/**
	 * One resource in one API version.
	 *
	 * @param kind the kind as the snapshot builder names it ({@code Endpoints} when a cluster
	 * without EndpointSlices is read)
	 * @param groupVersion e.g. {@code apps/v1}, {@code v1} for the core group
	 * @param resource the plural resource name
	 * @param model the client-java model of an item, or {@code null} when an item must be reshaped
	 * by the {@link ObjectRouter} first
	 */
	public record Source(String kind, String groupVersion, String resource,
			@Nullable Class<? extends KubernetesObject> model) {

		/** The list path across all namespaces, e.g. {@code /apis/apps/v1/deployments}. */
		public String path() {
			return (this.groupVersion.indexOf('/') < 0 ? "/api/" : "/apis/") + this.groupVersion + "/" + this.resource;
		}

		/** E.g. {@code policy/v1 poddisruptionbudgets}. */
		String describe() {
			return this.groupVersion + " " + this.resource;
		}

	}

	/**
	 * The lists to make and the kinds that cannot be read.
	 *
	 * @param lists one source per readable kind, largest kinds first
	 * @param unreadable a gap for each kind no served version offers, or whose API could not be
	 * discovered
	 */
	public record Plan(List<Source> lists, List<Gap> unreadable) {
	}

}
