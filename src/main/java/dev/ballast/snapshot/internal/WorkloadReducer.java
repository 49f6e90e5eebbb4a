package dev.ballast.snapshot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1CronJobSpec;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1DaemonSetUpdateStrategy;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentStrategy;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetUpdateStrategy;
import io.kubernetes.client.common.KubernetesObject;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Workload;
import dev.ballast.snapshot.Workload.Rollout;
import dev.ballast.snapshot.WorkloadRef;

/**
 * Turns controllers (and bare pods) into {@link Workload}s with their typed template and their
 * raw object.
 */
public final class WorkloadReducer {

	private final Interner interner;

	public WorkloadReducer(Interner interner) {
		this.interner = interner;
	}

	/**
	 * The workload for a controller or bare pod.
	 * @param object a V1Deployment, V1StatefulSet, V1DaemonSet, V1ReplicaSet, V1Job, V1CronJob or
	 * V1Pod
	 * @param raw the object as read from a manifest, or {@code null} to derive it from the typed
	 * object
	 * @return the workload
	 */
	public Workload reduce(KubernetesObject object, @Nullable Map<String, Object> raw) {
		String kind = object.getClass().getSimpleName().substring(2);
		byte[] json = (raw != null) ? JsonTree.write(raw)
				: JsonTree.writeTyped(object, kind.equals("Pod") ? "v1"
						: (kind.endsWith("Job") ? "batch/v1" : "apps/v1"), kind);
		if (object instanceof V1Deployment deployment) {
			var spec = deployment.getSpec();
			var status = deployment.getStatus();
			V1DeploymentStrategy strategy = (spec != null) ? spec.getStrategy() : null;
			var rolling = (strategy != null) ? strategy.getRollingUpdate() : null;
			Rollout rollout = new Rollout((strategy != null) ? strategy.getType() : null,
					text((rolling != null) ? rolling.getMaxUnavailable() : null),
					text((rolling != null) ? rolling.getMaxSurge() : null),
					(spec != null) ? spec.getMinReadySeconds() : null, null, null, null, null, null, null);
			return workload(object, "apps/v1", (spec != null) ? spec.getReplicas() : null,
					(status != null) ? status.getReadyReplicas() : null, (spec != null) ? spec.getSelector() : null,
					rollout, (spec != null) ? spec.getTemplate() : null, json);
		}
		if (object instanceof V1StatefulSet statefulSet) {
			var spec = statefulSet.getSpec();
			V1StatefulSetUpdateStrategy strategy = (spec != null) ? spec.getUpdateStrategy() : null;
			var rolling = (strategy != null) ? strategy.getRollingUpdate() : null;
			Rollout rollout = new Rollout((strategy != null) ? strategy.getType() : null,
					text((rolling != null) ? rolling.getMaxUnavailable() : null), null,
					(spec != null) ? spec.getMinReadySeconds() : null, (rolling != null) ? rolling.getPartition() : null,
					(spec != null) ? spec.getPodManagementPolicy() : null, null, null, null, null);
			return workload(object, "apps/v1", (spec != null) ? spec.getReplicas() : null,
					(statefulSet.getStatus() != null) ? statefulSet.getStatus().getReadyReplicas() : null,
					(spec != null) ? spec.getSelector() : null, rollout, (spec != null) ? spec.getTemplate() : null, json);
		}
		if (object instanceof V1DaemonSet daemonSet) {
			var spec = daemonSet.getSpec();
			V1DaemonSetUpdateStrategy strategy = (spec != null) ? spec.getUpdateStrategy() : null;
			var rolling = (strategy != null) ? strategy.getRollingUpdate() : null;
			Rollout rollout = new Rollout((strategy != null) ? strategy.getType() : null,
					text((rolling != null) ? rolling.getMaxUnavailable() : null),
					text((rolling != null) ? rolling.getMaxSurge() : null),
					(spec != null) ? spec.getMinReadySeconds() : null, null, null, null, null, null, null);
			return workload(object, "apps/v1", null,
					(daemonSet.getStatus() != null) ? daemonSet.getStatus().getNumberReady() : null,
					(spec != null) ? spec.getSelector() : null, rollout, (spec != null) ? spec.getTemplate() : null, json);
		}
		if (object instanceof V1ReplicaSet replicaSet) {
			var spec = replicaSet.getSpec();
			return workload(object, "apps/v1", (spec != null) ? spec.getReplicas() : null,
					(replicaSet.getStatus() != null) ? replicaSet.getStatus().getReadyReplicas() : null,
					(spec != null) ? spec.getSelector() : null,
					new Rollout(null, null, null, (spec != null) ? spec.getMinReadySeconds() : null, null, null, null,
							null, null, null),
					(spec != null) ? spec.getTemplate() : null, json);
		}
		if (object instanceof V1Job job) {
			V1JobSpec spec = job.getSpec();
			return workload(object, "batch/v1", (spec != null) ? spec.getParallelism() : null,
					(job.getStatus() != null) ? job.getStatus().getReady() : null,
					(spec != null) ? spec.getSelector() : null, jobRollout(spec, null),
					(spec != null) ? spec.getTemplate() : null, json);
		}
		if (object instanceof V1CronJob cronJob) {
			V1CronJobSpec spec = cronJob.getSpec();
			V1JobSpec jobSpec = (spec != null && spec.getJobTemplate() != null) ? spec.getJobTemplate().getSpec() : null;
			return workload(object, "batch/v1", null, null, null, jobRollout(jobSpec, spec),
					(jobSpec != null) ? jobSpec.getTemplate() : null, json);
		}
		if (object instanceof V1Pod pod) {
			V1ObjectMeta metadata = pod.getMetadata();
			V1PodTemplateSpec template = new V1PodTemplateSpec().spec(pod.getSpec());
			if (metadata != null) {
				template.metadata(new V1ObjectMeta().labels(metadata.getLabels()).annotations(metadata.getAnnotations()));
			}
			return workload(object, "v1", null, null, null, Rollout.NONE, template, json);
		}
		throw new IllegalArgumentException("Not a workload: " + object.getClass().getSimpleName());
	}

	private Workload workload(KubernetesObject object, String defaultApiVersion, @Nullable Integer replicas,
			@Nullable Integer ready, @Nullable V1LabelSelector selector, Rollout rollout,
			@Nullable V1PodTemplateSpec template, byte[] json) {
		V1ObjectMeta metadata = (object.getMetadata() != null) ? object.getMetadata() : new V1ObjectMeta();
		String kind = object.getClass().getSimpleName().substring(2);
		String apiVersion = (object.getApiVersion() != null) ? object.getApiVersion() : defaultApiVersion;
		Workload.Identity identity = new Workload.Identity(this.interner.intern(kind), this.interner.intern(apiVersion),
				this.interner.intern((metadata.getNamespace() != null) ? metadata.getNamespace() : "default"),
				String.valueOf(metadata.getName()), metadata.getUid());
		Map<String, String> annotations = metadata.getAnnotations();
		if (annotations != null && annotations.containsKey(JsonTree.LAST_APPLIED)) {
			annotations = new java.util.HashMap<>(annotations);
			annotations.remove(JsonTree.LAST_APPLIED);
		}
		return new Workload(identity, this.interner.map(metadata.getLabels()), this.interner.map(annotations), replicas,
				ready, owners(metadata.getOwnerReferences()), selector, this.interner.intern(rollout),
				(template != null) ? template : new V1PodTemplateSpec(), NodeReducer.instant(metadata.getCreationTimestamp()),
				json);
	}

	private static Rollout jobRollout(@Nullable V1JobSpec job, @Nullable V1CronJobSpec cron) {
		return new Rollout(null, null, null, null, null, null, (cron != null) ? cron.getSchedule() : null,
				(cron != null) ? cron.getSuspend() : ((job != null) ? job.getSuspend() : null),
				(cron != null) ? cron.getConcurrencyPolicy() : null, (job != null) ? job.getBackoffLimit() : null);
	}

	private List<WorkloadRef> owners(@Nullable List<V1OwnerReference> references) {
		if (references == null || references.isEmpty()) {
			return List.of();
		}
		List<WorkloadRef> owners = new ArrayList<>();
		for (V1OwnerReference reference : references) {
			if (reference != null && reference.getKind() != null && reference.getName() != null) {
				owners.add(new WorkloadRef(this.interner.intern(reference.getKind()), reference.getName()));
			}
		}
		return owners;
	}

	static @Nullable String text(@Nullable IntOrString value) {
		if (value == null) {
			return null;
		}
		return value.isInteger() ? String.valueOf(value.getIntValue()) : value.getStrValue();
	}

}
