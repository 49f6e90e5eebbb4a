package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Subject;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Workload;

/**
 * One workload as rules see it: its pod spec and where it lives in the object, its containers,
 * its real pods, and the raw object (parsed once, on first use).
 */
public final class WorkloadView {

	private final Workload workload;

	private final Index index;

	private final V1PodSpec spec;

	private final String specPath;

	private @Nullable Map<String, Object> object;

	private @Nullable List<ContainerView> containers;

	WorkloadView(Workload workload, Index index) {
		this.workload = workload;
		this.index = index;
		V1PodSpec spec = workload.template().getSpec();
		this.spec = (spec != null) ? spec : new V1PodSpec();
		this.specPath = switch (workload.kind()) {
			case "Pod" -> "spec";
			case "CronJob" -> "spec.jobTemplate.spec.template.spec";
			default -> "spec.template.spec";
		};
	}

	public Workload workload() {
		return this.workload;
	}

	public Index index() {
		return this.index;
	}

	public String kind() {
		return this.workload.kind();
	}

	public String namespace() {
		return this.workload.namespace();
	}

	public Subject subject() {
		return Index.subject(this.workload);
	}

	public V1PodSpec spec() {
		return this.spec;
	}

	/**
	 * A path inside the pod spec.
	 * @param field e.g. {@code hostNetwork}
	 * @return e.g. {@code spec.template.spec.hostNetwork}
	 */
	public String spec(String field) {
		return field.isEmpty() ? this.specPath : this.specPath + "." + field;
	}

	/**
	 * The labels pods of this workload get.
	 * @return template labels
	 */
	public Map<String, String> podLabels() {
		Map<String, String> labels = (this.workload.template().getMetadata() != null)
				? this.workload.template().getMetadata().getLabels() : null;
		return (labels != null) ? labels : Map.of();
	}

	public Map<String, String> podAnnotations() {
		Map<String, String> annotations = (this.workload.template().getMetadata() != null)
				? this.workload.template().getMetadata().getAnnotations() : null;
		return (annotations != null) ? annotations : Map.of();
	}

	/**
	 * The pods that really run for this workload.
	 * @return its pods
	 */
	public List<PodFacts> pods() {
		return this.index.snapshot().podsOf(this.workload);
	}

	/**
	 * Desired replicas, with Kubernetes' default of 1 for the kinds that have replicas; the
	 * autoscaler's minimum when one scales the workload.
	 * @return replicas, or {@code 0} for kinds without (DaemonSets, Jobs, pods)
	 */
	public int replicas() {
		if (!Kinds.REPLICATED.contains(kind())) {
			return 0;
		}
		var autoscaler = this.index.autoscaler(this.workload);
		if (autoscaler != null) {
			return (autoscaler.minReplicas() != null) ? autoscaler.minReplicas() : 1;
		}
		return (this.workload.replicas() != null) ? this.workload.replicas() : 1;
	}

	/**
	 * App containers then init containers, each with its index and path.
	 * @return the containers
	 */
	public List<ContainerView> containers() {
		if (this.containers == null) {
			List<ContainerView> views = new ArrayList<>();
			add(views, this.spec.getContainers(), false);
			add(views, this.spec.getInitContainers(), true);
			this.containers = views;
		}
		return this.containers;
	}

	/**
	 * The raw object, as CEL and rules over fields the typed view lacks read it.
	 * @return the object
	 */
	public Map<String, Object> object() {
		if (this.object == null) {
			this.object = this.workload.object();
		}
		return this.object;
	}

	/**
	 * A field of the raw object by dotted path.
	 * @param path e.g. {@code spec.startingDeadlineSeconds}
	 * @return the value or {@code null}
	 */
	public @Nullable Object field(String path) {
		Object current = object();
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

	private void add(List<ContainerView> views, @Nullable List<V1Container> containers, boolean init) {
		if (containers == null) {
			return;
		}
		for (int i = 0; i < containers.size(); i++) {
			V1Container container = containers.get(i);
			if (container != null) {
				views.add(new ContainerView(container, init,
						spec((init ? "initContainers[" : "containers[") + i + "]")));
			}
		}
	}

	/**
	 * A container with where it is.
	 *
	 * @param container the container
	 * @param init whether it is an init container
	 * @param path e.g. {@code spec.template.spec.containers[0]}
	 */
	public record ContainerView(V1Container container, boolean init, String path) {

		public String name() {
			return (this.container.getName() != null) ? this.container.getName() : "";
		}

	}

}
