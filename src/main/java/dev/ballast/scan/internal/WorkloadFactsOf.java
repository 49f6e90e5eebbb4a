package dev.ballast.scan.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Workload;
import dev.ballast.snapshot.WorkloadRef;

/**
 * Computes the {@link WorkloadFacts} of every workload of a snapshot: a pure function, no I/O.
 */
final class WorkloadFactsOf {

	/** Pods listed per workload; a DaemonSet on thousands of nodes keeps its counts, not every pod. */
	static final int MAX_PODS = 200;

	/** Longer label and annotation values are shortened (an embedded JSON document, say). */
	static final int MAX_VALUE = 1000;

	static final String OOM_KILLED = "OOMKilled";

	static final String ZONE = "topology.kubernetes.io/zone";

	private static final String LEGACY_ZONE = "failure-domain.beta.kubernetes.io/zone";

	/** Troubled pods first: not ready, then most restarts, then by name. */
	private static final Comparator<WorkloadFacts.Pod> ORDER = Comparator.comparing(WorkloadFacts.Pod::ready)
		.thenComparing(Comparator.comparingInt(WorkloadFacts.Pod::restarts).reversed())
		.thenComparing(WorkloadFacts.Pod::name);

	private WorkloadFactsOf() {
	}

	/**
	 * The facts of each workload, in snapshot order.
	 * @param snapshot the snapshot
	 * @return facts by workload
	 */
	static Map<Workload, WorkloadFacts> of(ClusterSnapshot snapshot) {
		Map<String, String> zones = new HashMap<>();
		for (ClusterNode node : snapshot.nodes()) {
			String zone = node.labels().getOrDefault(ZONE, node.labels().get(LEGACY_ZONE));
			if (zone != null) {
				zones.put(node.name(), zone);
			}
		}
		Map<Workload, WorkloadFacts> facts = new LinkedHashMap<>();
		for (Workload workload : snapshot.workloads()) {
			facts.put(workload, of(workload, snapshot.podsOf(workload), zones));
		}
		return facts;
	}

	static WorkloadFacts of(Workload workload, List<PodFacts> pods, Map<String, String> zones) {
		List<WorkloadFacts.Pod> listed = new ArrayList<>(pods.size());
		int ready = 0;
		int oomKilled = 0;
		for (PodFacts pod : pods) {
			WorkloadFacts.Pod fact = pod(pod, zones);
			listed.add(fact);
			ready += fact.ready() ? 1 : 0;
			oomKilled += fact.oomKilled() ? 1 : 0;
		}
		listed.sort(ORDER);
		V1PodSpec spec = workload.template().getSpec();
		List<String> owners = workload.owners().stream().map(WorkloadRef::toString).toList();
		String serviceAccount = (spec != null && spec.getServiceAccountName() != null) ? spec.getServiceAccountName()
				: "default";
		return new WorkloadFacts(workload.kind(), workload.apiVersion(), workload.replicas(), workload.readyReplicas(),
				shortened(workload.labels()), shortened(workload.annotations()), owners, serviceAccount, images(spec),
				pods.size(), ready, oomKilled, List.copyOf(listed.subList(0, Math.min(MAX_PODS, listed.size()))));
	}

	private static WorkloadFacts.Pod pod(PodFacts pod, Map<String, String> zones) {
		String termination = null;
		String terminated = null;
		String waiting = null;
		for (PodFacts.Container container : pod.containers()) {
			String reason = container.lastTerminationReason();
			if (reason != null && (termination == null || OOM_KILLED.equals(reason))) {
				termination = reason;
				terminated = container.name();
			}
			if (waiting == null) {
				waiting = container.waitingReason();
			}
		}
		WorkloadRef controller = pod.controller();
		return new WorkloadFacts.Pod(pod.name(), (controller != null) ? controller.toString() : null, pod.nodeName(),
				(pod.nodeName() != null) ? zones.get(pod.nodeName()) : null, pod.phase(), pod.ready(), pod.restarts(),
				termination, terminated, waiting, pod.startedAt());
	}

	private static List<String> images(@Nullable V1PodSpec spec) {
		Set<String> images = new LinkedHashSet<>();
		if (spec != null) {
			add(images, spec.getInitContainers());
			add(images, spec.getContainers());
		}
		return List.copyOf(images);
	}

	private static void add(Set<String> images, @Nullable List<V1Container> containers) {
		if (containers != null) {
			for (V1Container container : containers) {
				if (container.getImage() != null) {
					images.add(container.getImage());
				}
			}
		}
	}

	private static Map<String, String> shortened(Map<String, String> values) {
		Map<String, String> sorted = new TreeMap<>();
		values.forEach((key, value) -> sorted.put(key,
				(value.length() > MAX_VALUE) ? value.substring(0, MAX_VALUE) + "…" : value));
		return sorted;
	}

}
