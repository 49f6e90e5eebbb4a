package dev.ballast.testcluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1DeploymentCondition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;

/**
 * Whether the controllers of some namespaces have created every pod they can: Deployments and
 * ReplicaSets have all their replicas (or report ReplicaFailure, e.g. a quota), StatefulSets have
 * all theirs or wait on a pod that cannot become ready, DaemonSets scheduled on every node.
 */
final class Convergence {

	private final CoreV1Api core;

	private final AppsV1Api apps;

	Convergence(ApiClient admin) {
		this.core = new CoreV1Api(admin);
		this.apps = new AppsV1Api(admin);
	}

	List<V1Pod> pods(Set<String> namespaces) throws ApiException {
		List<V1Pod> pods = new ArrayList<>();
		for (String namespace : namespaces) {
			String next = null;
			do {
				V1PodList page = this.core.listNamespacedPod(namespace).limit(500)._continue(next).execute();
				pods.addAll(page.getItems());
				next = page.getMetadata().getContinue();
			}
			while (next != null && !next.isEmpty());
		}
		return pods;
	}

	/** Descriptions of the workloads still creating pods. */
	List<String> unconverged(Set<String> namespaces, List<V1Pod> pods) throws ApiException {
		List<String> pending = new ArrayList<>();
		for (String namespace : namespaces) {
			this.apps.listNamespacedDeployment(namespace).execute().getItems().forEach((d) -> {
				if (!observed(d.getMetadata(), d.getStatus() == null ? null : d.getStatus().getObservedGeneration())
						|| (count(d.getStatus() == null ? null : d.getStatus().getReplicas()) < count(d.getSpec().getReplicas())
								&& !failed(d.getStatus() == null ? null : d.getStatus().getConditions()))) {
					pending.add("deployment " + namespace + "/" + d.getMetadata().getName());
				}
			});
			this.apps.listNamespacedReplicaSet(namespace).execute().getItems().forEach((rs) -> {
				boolean failed = rs.getStatus().getConditions() != null && rs.getStatus().getConditions()
					.stream()
					.anyMatch((c) -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()));
				if (!observed(rs.getMetadata(), rs.getStatus().getObservedGeneration())
						|| (count(rs.getStatus().getReplicas()) < count(rs.getSpec().getReplicas()) && !failed)) {
					pending.add("replicaset " + namespace + "/" + rs.getMetadata().getName());
				}
			});
			this.apps.listNamespacedStatefulSet(namespace).execute().getItems().forEach((sts) -> {
				String uid = sts.getMetadata().getUid();
				boolean blocked = pods.stream()
					.filter((pod) -> ownedBy(pod, uid))
					.anyMatch((pod) -> unschedulable(pod) || !ready(pod));
				if (!observed(sts.getMetadata(), sts.getStatus() == null ? null : sts.getStatus().getObservedGeneration())
						|| (count(sts.getStatus() == null ? null : sts.getStatus().getReplicas()) < count(sts.getSpec().getReplicas()) && !blocked)) {
					pending.add("statefulset " + namespace + "/" + sts.getMetadata().getName());
				}
			});
			this.apps.listNamespacedDaemonSet(namespace).execute().getItems().forEach((ds) -> {
				if (ds.getStatus() == null || !observed(ds.getMetadata(), ds.getStatus().getObservedGeneration())
						|| ds.getStatus().getCurrentNumberScheduled() < ds.getStatus().getDesiredNumberScheduled()) {
					pending.add("daemonset " + namespace + "/" + ds.getMetadata().getName());
				}
			});
		}
		return pending;
	}

	static boolean unschedulable(V1Pod pod) {
		return pod.getStatus() != null && pod.getStatus().getConditions() != null
				&& pod.getStatus().getConditions().stream().anyMatch((c) -> "PodScheduled".equals(c.getType())
						&& "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()));
	}

	static String id(V1Pod pod) {
		return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
	}

	private static boolean ready(V1Pod pod) {
		return "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getConditions() != null
				&& pod.getStatus().getConditions().stream().anyMatch((c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
	}

	private static boolean ownedBy(V1Pod pod, String uid) {
		return pod.getMetadata().getOwnerReferences() != null
				&& pod.getMetadata().getOwnerReferences().stream().anyMatch((owner) -> Objects.equals(owner.getUid(), uid));
	}

	private static boolean observed(V1ObjectMeta meta, Long observedGeneration) {
		return observedGeneration != null && observedGeneration >= Objects.requireNonNullElse(meta.getGeneration(), 0L);
	}

	private static boolean failed(List<V1DeploymentCondition> conditions) {
		return conditions != null && conditions.stream()
			.anyMatch((c) -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()));
	}

	private static int count(Integer value) {
		return (value != null) ? value : 0;
	}

}
