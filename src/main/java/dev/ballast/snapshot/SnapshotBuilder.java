package dev.ballast.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.NodeMetrics;
import io.kubernetes.client.custom.PodMetrics;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.SnapshotSource.Origin;
import dev.ballast.snapshot.internal.Interner;
import dev.ballast.snapshot.internal.NodeReducer;
import dev.ballast.snapshot.internal.PodReducer;
import dev.ballast.snapshot.internal.PolicyReducer;
import dev.ballast.snapshot.internal.ServiceReducer;
import dev.ballast.snapshot.internal.WorkloadReducer;

/**
 * Fills a {@link ClusterSnapshot} from typed client-java objects as they arrive, page by page.
 * Pods are reduced to facts at once; ReplicaSets and Jobs that a controller owns are kept only as
 * links for resolving pod owners. An object added twice (same kind, namespace and name) replaces
 * the first. Thread-safe: the live collector may feed kinds from parallel list calls.
 * <p>
 * The live collector calls {@link #add(KubernetesObject)} for every item of every page (V1Node,
 * V1Namespace, V1Pod, V1Deployment, V1StatefulSet, V1DaemonSet, V1ReplicaSet, V1Job, V1CronJob,
 * V1Service, V1EndpointSlice, V1Endpoints, V1Ingress, V1NetworkPolicy, V1LimitRange,
 * V1ResourceQuota, V1PodDisruptionBudget, V2 or V1 HorizontalPodAutoscaler, V1PriorityClass,
 * V1Role, V1ClusterRole, V1RoleBinding, V1ClusterRoleBinding, V1ServiceAccount, V1ConfigMap), {@link #restart(String)} before re-listing a kind after {@code 410 Gone},
 * {@link #gap(Gap)} for a kind it could not list, {@link #nodeMetrics}/{@link #podMetrics} for
 * metrics.k8s.io, then {@link #build()}.
 */
public final class SnapshotBuilder {

	private final Interner interner = new Interner();

	private final Reducers reduce = new Reducers(this.interner);

	private final Map<String, Map<Key, Object>> objects = new HashMap<>();

	private final Map<Key, WorkloadRef> links = new HashMap<>();

	private final List<Gap> gaps = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	private final Map<String, Integer> otherKinds = new TreeMap<>();

	private String clusterName = "unnamed";

	private Origin origin = Origin.LIVE;

	private @Nullable Instant takenAt;

	private @Nullable String serverVersion;

	private int secretsDropped;

	private int replaced;

	SnapshotBuilder() {
	}

	public synchronized SnapshotBuilder clusterName(String clusterName) {
		this.clusterName = clusterName;
		return this;
	}

	public synchronized SnapshotBuilder origin(Origin origin) {
		this.origin = origin;
		return this;
	}

	public synchronized SnapshotBuilder takenAt(Instant takenAt) {
		this.takenAt = takenAt;
		return this;
	}

	public synchronized SnapshotBuilder serverVersion(@Nullable String serverVersion) {
		this.serverVersion = serverVersion;
		return this;
	}

	public synchronized SnapshotBuilder warning(String warning) {
		this.warnings.add(warning);
		return this;
	}

	public synchronized SnapshotBuilder gap(Gap gap) {
		this.gaps.removeIf((existing) -> existing.kind().equals(gap.kind()));
		this.gaps.add(gap);
		return this;
	}

	/**
	 * Counts a Secret that was seen and dropped unread.
	 * @return this builder
	 */
	public synchronized SnapshotBuilder secretDropped() {
		this.secretsDropped++;
		return this;
	}

	/**
	 * Counts an object of a kind the model does not hold.
	 * @param kind {@code Kind} or {@code Kind.group}
	 * @return this builder
	 */
	public synchronized SnapshotBuilder otherKind(String kind) {
		this.otherKinds.merge(kind, 1, Integer::sum);
		return this;
	}

	/**
	 * Forgets what was added of a kind, before listing it again from scratch.
	 * @param kind e.g. {@code Pod}
	 * @return this builder
	 */
	public synchronized SnapshotBuilder restart(String kind) {
		this.objects.remove(kind);
		Map<Key, Object> workloads = this.objects.get("Workload");
		if (workloads != null) {
			workloads.keySet().removeIf((key) -> key.kind().equals(kind));
		}
		if (kind.equals("ReplicaSet") || kind.equals("Job")) {
			this.links.keySet().removeIf((key) -> key.kind().equals(kind));
		}
		return this;
	}

	/**
	 * Adds any supported client-java object; Secrets are counted and dropped.
	 * @param object a typed object (V1Node, V1Pod, V1Deployment, V1NetworkPolicy, ...)
	 * @return this builder
	 * @throws IllegalArgumentException for a type the model does not hold
	 */
	public SnapshotBuilder add(KubernetesObject object) {
		return add(object, null);
	}

	/**
	 * Adds an object together with its raw form as read from a manifest, which becomes a
	 * workload's {@link Workload#object()} (other kinds ignore it).
	 * @param object the typed object
	 * @param raw the same object as a JSON-compatible tree, or {@code null}
	 * @return this builder
	 */
	public SnapshotBuilder add(KubernetesObject object, @Nullable Map<String, Object> raw) {
		if (object instanceof V1Pod pod) {
			return pod(pod, raw);
		}
		if (object instanceof V1Deployment || object instanceof V1StatefulSet || object instanceof V1DaemonSet
				|| object instanceof V1ReplicaSet || object instanceof V1Job || object instanceof V1CronJob) {
			return controller(object, raw);
		}
		if (object instanceof V1Secret) {
			return secretDropped();
		}
		if (object instanceof NodeMetrics metrics) {
			return nodeMetrics(metrics);
		}
		if (object instanceof PodMetrics metrics) {
			return podMetrics(metrics);
		}
		Object reduced = this.reduce.other(object);
		if (reduced == null) {
			throw new IllegalArgumentException("The snapshot holds no " + object.getClass().getSimpleName());
		}
		String kind = object.getClass().getSimpleName().substring(2);
		return put(kind, key(kind, object), reduced);
	}

	/**
	 * Reduces a pod to facts; a pod that no controller owns is a workload too.
	 * @param pod the pod
	 * @return this builder
	 */
	public SnapshotBuilder pod(V1Pod pod) {
		return pod(pod, null);
	}

	public SnapshotBuilder nodeMetrics(NodeMetrics metrics) {
		NodeUsage usage = this.reduce.policies().nodeUsage(metrics);
		return put("NodeMetrics", new Key("NodeMetrics", "", usage.node()), usage);
	}

	public SnapshotBuilder podMetrics(PodMetrics metrics) {
		PodUsage usage = this.reduce.policies().podUsage(metrics);
		return put("PodMetrics", new Key("PodMetrics", usage.namespace(), usage.pod()), usage);
	}

	/**
	 * The snapshot: pod owners resolved through known ReplicaSets and Jobs, endpoints counted per
	 * Service.
	 * @return the immutable snapshot
	 */
	public synchronized ClusterSnapshot build() {
		List<PodFacts> pods = new ArrayList<>();
		for (PodFacts pod : this.<PodFacts>values("Pod")) {
			WorkloadRef controller = pod.controller();
			WorkloadRef parent = (controller != null)
					? this.links.get(new Key(controller.kind(), pod.namespace(), controller.name())) : null;
			pods.add((parent != null) ? pod.withOwner(parent) : pod);
		}
		List<String> notes = new ArrayList<>(this.warnings);
		if (this.replaced > 0) {
			notes.add((this.replaced == 1) ? "1 object appeared more than once; the last was kept."
					: this.replaced + " objects appeared more than once; the last of each was kept.");
		}
		SnapshotSource source = new SnapshotSource(this.clusterName, this.origin,
				(this.takenAt != null) ? this.takenAt : Instant.now(), this.serverVersion, notes, this.secretsDropped,
				this.otherKinds);
		return new ClusterSnapshot(source, this.gaps, values("Node"), values("Namespace"), values("Workload"), pods,
				values("Service"), Endpoints.count(values("EndpointSlice"), values("Endpoints")), values("Ingress"),
				new ClusterSnapshot.Policies(values("NetworkPolicy"), values("LimitRange"), values("ResourceQuota"),
						values("PodDisruptionBudget"), values("HorizontalPodAutoscaler"), values("PriorityClass")),
				new ClusterSnapshot.Rbac(values("Role"), values("ClusterRole"), values("RoleBinding"),
						values("ClusterRoleBinding")),
				values("ServiceAccount"), values("ConfigMap"), values("NodeMetrics"), values("PodMetrics"));
	}

	private SnapshotBuilder pod(V1Pod pod, @Nullable Map<String, Object> raw) {
		PodFacts facts = this.reduce.pods().reduce(pod);
		Workload bare = (facts.controller() == null) ? this.reduce.workloads().reduce(pod, raw) : null;
		synchronized (this) {
			put("Pod", new Key("Pod", facts.namespace(), facts.name()), facts);
			if (bare != null) {
				put("Workload", new Key("Pod", bare.namespace(), bare.name()), bare);
			}
		}
		return this;
	}

	private SnapshotBuilder controller(KubernetesObject object, @Nullable Map<String, Object> raw) {
		V1ObjectMeta metadata = (object.getMetadata() != null) ? object.getMetadata() : new V1ObjectMeta();
		String kind = object.getClass().getSimpleName().substring(2);
		WorkloadRef parent = PodReducer.controller(metadata.getOwnerReferences(), this.interner);
		if (parent != null && (kind.equals("ReplicaSet") || kind.equals("Job"))) {
			Key key = new Key(kind, this.interner.intern(String.valueOf(metadata.getNamespace())),
					String.valueOf(metadata.getName()));
			synchronized (this) {
				this.links.put(key, parent);
			}
			return this;
		}
		Workload workload = this.reduce.workloads().reduce(object, raw);
		return put("Workload", new Key(kind, workload.namespace(), workload.name()), workload);
	}

	private synchronized SnapshotBuilder put(String collection, Key key, Object value) {
		if (this.objects.computeIfAbsent(collection, (name) -> new LinkedHashMap<>()).put(key, value) != null) {
			this.replaced++;
		}
		return this;
	}

	@SuppressWarnings("unchecked")
	private <T> List<T> values(String collection) {
		Map<Key, Object> values = this.objects.getOrDefault(collection, Map.of());
		return (List<T>) List.copyOf(values.values());
	}

	private static Key key(String kind, KubernetesObject object) {
		V1ObjectMeta metadata = (object.getMetadata() != null) ? object.getMetadata() : new V1ObjectMeta();
		return new Key(kind, (metadata.getNamespace() != null) ? metadata.getNamespace() : "",
				String.valueOf(metadata.getName()));
	}

	/** What identifies an object: kind, namespace ({@code ""} for cluster-scoped), name. */
	record Key(String kind, String namespace, String name) {
	}

	/** The reducers of one build, sharing its interner. */
	record Reducers(PodReducer pods, NodeReducer nodes, WorkloadReducer workloads, ServiceReducer services,
			PolicyReducer policies) {

		Reducers(Interner interner) {
			this(new PodReducer(interner), new NodeReducer(interner), new WorkloadReducer(interner),
					new ServiceReducer(interner), new PolicyReducer(interner));
		}

		@Nullable Object other(KubernetesObject object) {
			return Dispatch.reduce(this, object);
		}

	}

}
