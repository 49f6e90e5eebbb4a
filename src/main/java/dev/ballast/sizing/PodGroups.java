package dev.ballast.sizing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.PodGroup;
import dev.ballast.sizing.SizingReport.Requirement;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Toleration;
import dev.ballast.snapshot.Workload;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1PodSpec;

/**
 * The cluster's pods (not finished) grouped by workload, request and pool: what the what-if
 * packer places, a few hundred rows where the cluster has 150,000 pods.
 */
final class PodGroups {

	private PodGroups() {
	}

	static List<PodGroup> of(ClusterSnapshot snapshot, Map<String, String> poolByNode) {
		Map<String, Workload> workloads = new HashMap<>();
		for (Workload workload : snapshot.workloads()) {
			workloads.put(workload.namespace() + "/" + workload.kind() + "/" + workload.name(), workload);
		}
		Map<String, PodGroup> groups = new LinkedHashMap<>();
		for (PodFacts pod : snapshot.pods()) {
			if (!SizingAnalysis.active(pod)) {
				continue;
			}
			String kind = (pod.owner() != null) ? pod.owner().kind() : "Pod";
			String name = (pod.owner() != null) ? pod.owner().name() : pod.name();
			String pool = (pod.nodeName() != null) ? poolByNode.get(pod.nodeName()) : null;
			Amounts request = SizingAnalysis.amounts(pod.requests());
			String key = pod.namespace() + "/" + kind + "/" + name + "|" + request + "|" + pool;
			PodGroup group = groups.get(key);
			if (group != null) {
				groups.put(key, new PodGroup(group.namespace(), kind, name, group.count() + 1, request,
						group.daemonSet(), group.nodeSelector(), group.affinity(), group.tolerations(), pool));
				continue;
			}
			Workload workload = workloads.get(pod.namespace() + "/" + kind + "/" + name);
			V1PodSpec spec = (workload != null) ? workload.template().getSpec() : null;
			Map<String, String> selector = (spec != null && spec.getNodeSelector() != null) ? spec.getNodeSelector()
					: Map.of();
			groups.put(key, new PodGroup(pod.namespace(), kind, name, 1, request, "DaemonSet".equals(kind),
					Map.copyOf(selector), affinity(spec), tolerations(pod.tolerations()), pool));
		}
		return new ArrayList<>(groups.values());
	}

	/**
	 * The tolerations that matter for packing: those of node-condition taints
	 * ({@code node.kubernetes.io/not-ready}, {@code unreachable}, ...), which admission adds to
	 * every pod, are left out to keep the document small.
	 */
	private static List<Toleration> tolerations(List<Toleration> tolerations) {
		List<Toleration> kept = new ArrayList<>();
		for (Toleration toleration : tolerations) {
			if (toleration.key() == null || !toleration.key().startsWith("node.kubernetes.io/")) {
				kept.add(toleration);
			}
		}
		return kept;
	}

	private static List<List<Requirement>> affinity(@Nullable V1PodSpec spec) {
		if (spec == null || spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null
				|| spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
			return List.of();
		}
		List<List<Requirement>> terms = new ArrayList<>();
		for (V1NodeSelectorTerm term : spec.getAffinity()
			.getNodeAffinity()
			.getRequiredDuringSchedulingIgnoredDuringExecution()
			.getNodeSelectorTerms()) {
			List<Requirement> requirements = new ArrayList<>();
			if (term.getMatchExpressions() != null) {
				for (V1NodeSelectorRequirement expression : term.getMatchExpressions()) {
					requirements.add(new Requirement(expression.getKey(), expression.getOperator(),
							List.copyOf(Objects.requireNonNullElse(expression.getValues(), List.of()))));
				}
			}
			terms.add(requirements);
		}
		return terms;
	}

}
