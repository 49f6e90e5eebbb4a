package dev.ballast.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.internal.JsonTree;

/**
 * A controller with a pod template: Deployment, StatefulSet, DaemonSet, a ReplicaSet or Job that
 * no controller owns, CronJob, or a bare Pod (its metadata and spec as the template). ReplicaSets
 * of Deployments and Jobs of CronJobs are not workloads of their own; their pods count for the
 * owner.
 * <p>
 * Two views of the same object: the typed {@link #template()} for checks written in Java, and
 * {@link #object()}, the whole object as a JSON-compatible tree for CEL checks over
 * {@code object}. The tree is kept as compact JSON and parsed on each call.
 */
public final class Workload {

	private final String kind;

	private final String apiVersion;

	private final String namespace;

	private final String name;

	private final @Nullable String uid;

	private final Map<String, String> labels;

	private final Map<String, String> annotations;

	private final @Nullable Integer replicas;

	private final @Nullable Integer readyReplicas;

	private final List<WorkloadRef> owners;

	private final @Nullable V1LabelSelector selector;

	private final Rollout rollout;

	private final V1PodTemplateSpec template;

	private final @Nullable Instant createdAt;

	private final byte[] json;

	/**
	 * Creates a workload; the snapshot builder does this.
	 * @param identity kind, apiVersion, namespace, name and uid
	 * @param labels labels
	 * @param annotations annotations
	 * @param replicas desired replicas where the kind has them
	 * @param readyReplicas ready replicas from the status, if given
	 * @param owners owner references (a Deployment owned by an operator's resource, say)
	 * @param selector the pod selector, if the kind has one
	 * @param rollout how the controller replaces or runs its pods
	 * @param template the pod template
	 * @param createdAt creation time, if known
	 * @param json the whole object as compact UTF-8 JSON
	 */
	public Workload(Identity identity, Map<String, String> labels, Map<String, String> annotations,
			@Nullable Integer replicas, @Nullable Integer readyReplicas, List<WorkloadRef> owners,
			@Nullable V1LabelSelector selector, Rollout rollout, V1PodTemplateSpec template, @Nullable Instant createdAt,
			byte[] json) {
		this.kind = identity.kind();
		this.apiVersion = identity.apiVersion();
		this.namespace = identity.namespace();
		this.name = identity.name();
		this.uid = identity.uid();
		this.labels = labels;
		this.annotations = annotations;
		this.replicas = replicas;
		this.readyReplicas = readyReplicas;
		this.owners = List.copyOf(owners);
		this.selector = selector;
		this.rollout = rollout;
		this.template = template;
		this.createdAt = createdAt;
		this.json = json;
	}

	public String kind() {
		return this.kind;
	}

	public String apiVersion() {
		return this.apiVersion;
	}

	public String namespace() {
		return this.namespace;
	}

	public String name() {
		return this.name;
	}

	public @Nullable String uid() {
		return this.uid;
	}

	public Map<String, String> labels() {
		return this.labels;
	}

	public Map<String, String> annotations() {
		return this.annotations;
	}

	/**
	 * Desired replicas: {@code spec.replicas} for Deployments, StatefulSets and ReplicaSets (as
	 * written; Kubernetes defaults a missing value to 1), {@code spec.parallelism} for Jobs;
	 * {@code null} for DaemonSets, CronJobs and pods.
	 * @return replicas or {@code null}
	 */
	public @Nullable Integer replicas() {
		return this.replicas;
	}

	public @Nullable Integer readyReplicas() {
		return this.readyReplicas;
	}

	public List<WorkloadRef> owners() {
		return this.owners;
	}

	public @Nullable V1LabelSelector selector() {
		return this.selector;
	}

	public Rollout rollout() {
		return this.rollout;
	}

	/**
	 * The pod template (for a CronJob, its job template's pod template; for a bare pod, the pod's
	 * own metadata and spec).
	 * @return the typed template
	 */
	public V1PodTemplateSpec template() {
		return this.template;
	}

	public @Nullable Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * The whole object as a JSON-compatible tree (maps, lists, strings, numbers, booleans,
	 * {@code null}), unmodifiable, parsed anew on each call. {@code metadata.managedFields} and
	 * the {@code kubectl.kubernetes.io/last-applied-configuration} annotation are left out (they
	 * repeat the object); for an object listed from an API server, empty lists and maps are too.
	 * @return the object
	 */
	public Map<String, Object> object() {
		return JsonTree.parse(this.json);
	}

	/**
	 * The reference other objects use for this workload.
	 * @return kind and name
	 */
	public WorkloadRef ref() {
		return new WorkloadRef(this.kind, this.name);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Workload that && this.kind.equals(that.kind) && this.namespace.equals(that.namespace)
				&& this.name.equals(that.name) && Objects.equals(this.uid, that.uid);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.namespace, this.name);
	}

	@Override
	public String toString() {
		return this.kind + " " + this.namespace + "/" + this.name;
	}

	/**
	 * What names a workload.
	 *
	 * @param kind e.g. {@code Deployment}
	 * @param apiVersion e.g. {@code apps/v1}
	 * @param namespace the namespace
	 * @param name the name
	 * @param uid the uid, if known
	 */
	public record Identity(String kind, String apiVersion, String namespace, String name, @Nullable String uid) {
	}

	/**
	 * How a controller replaces or runs its pods; fields that do not apply to a kind are
	 * {@code null}. Values are as written: Kubernetes' defaults are left to the checks.
	 *
	 * @param strategy {@code strategy.type} or {@code updateStrategy.type}
	 * @param maxUnavailable rolling update {@code maxUnavailable}, e.g. {@code 25%}
	 * @param maxSurge rolling update {@code maxSurge}
	 * @param minReadySeconds {@code minReadySeconds}
	 * @param partition StatefulSet rolling update partition
	 * @param podManagementPolicy StatefulSet {@code OrderedReady} or {@code Parallel}
	 * @param schedule CronJob schedule
	 * @param suspend CronJob or Job suspended
	 * @param concurrencyPolicy CronJob concurrency policy
	 * @param backoffLimit Job (or CronJob job template) backoff limit
	 */
	public record Rollout(@Nullable String strategy, @Nullable String maxUnavailable, @Nullable String maxSurge,
			@Nullable Integer minReadySeconds, @Nullable Integer partition, @Nullable String podManagementPolicy,
			@Nullable String schedule, @Nullable Boolean suspend, @Nullable String concurrencyPolicy,
			@Nullable Integer backoffLimit) {

		/** Nothing set. */
		public static final Rollout NONE = new Rollout(null, null, null, null, null, null, null, null, null, null);

	}

}
