package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1Toleration;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Resources;
import dev.ballast.snapshot.Taint;
import dev.ballast.snapshot.Toleration;

import static dev.ballast.checks.Category.SCHEDULING;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.NODE;
import static dev.ballast.checks.Target.POD_TEMPLATE;
import static dev.ballast.checks.Target.WORKLOAD;
import static dev.ballast.checks.internal.Define.def;

/**
 * Where pods may and do run: tolerations, GPU fencing, node selectors no node satisfies, pods the
 * scheduler could not place.
 */
final class SchedulingChecks {

	private SchedulingChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		checks.add(Define.workload(def("tolerates-all-taints", SCHEDULING, WARNING, POD_TEMPLATE, Docs.TAINTS),
				java.util.Set.of("Deployment", "StatefulSet", "ReplicaSet", "Job", "CronJob", "Pod"), (workload) -> {
					List<V1Toleration> tolerations = workload.spec().getTolerations();
					for (int i = 0; tolerations != null && i < tolerations.size(); i++) {
						V1Toleration toleration = tolerations.get(i);
						if ((toleration.getKey() == null || toleration.getKey().isEmpty())
								&& "Exists".equals(toleration.getOperator())) {
							return new Hit(workload.spec("tolerations[" + i + "]"), "operator: Exists without a key"
									+ ((toleration.getEffect() != null) ? " (every " + toleration.getEffect() + " taint)" : ""));
						}
					}
					return null;
				}));
		checks.add(Define.workload(def("gpu-request-without-affinity", SCHEDULING, WARNING, POD_TEMPLATE, Docs.GPUS),
				Kinds.ALL, SchedulingChecks::gpuUnfenced));
		checks.add(Define.workload(def("node-selector-unsatisfiable", SCHEDULING, DANGER, POD_TEMPLATE, Docs.AFFINITY),
				Kinds.ALL, SchedulingChecks::unsatisfiable));
		checks.add(Define.workload(def("pods-unschedulable", SCHEDULING, DANGER, WORKLOAD, Docs.SCHEDULER), Kinds.ALL,
				(workload) -> {
					int pending = 0;
					String message = "";
					for (PodFacts pod : workload.pods()) {
						PodFacts.Condition scheduled = pod.condition("PodScheduled");
						if ("Pending".equals(pod.phase()) && scheduled != null && "Unschedulable".equals(scheduled.reason())) {
							pending++;
							message = (scheduled.message() != null) ? ": " + scheduled.message() : "";
						}
					}
					return (pending > 0) ? new Hit(workload.spec(""), pending + ((pending == 1) ? " pod" : " pods") + " unschedulable" + message) : null;
				}));
		checks.add(Define.node(def("gpu-node-untainted", SCHEDULING, WARNING, NODE, Docs.TAINTS), (node, index) -> {
			if (gpus(node.allocatable()) == 0) {
				return null;
			}
			for (Taint taint : node.taints()) {
				if (taint.effect().equals("NoSchedule") || taint.effect().equals("NoExecute")) {
					return null;
				}
			}
			return new Hit("spec.taints", node.taints().isEmpty() ? Hit.UNSET : node.taints().toString());
		}));
		checks.add(Define.workload(def("gpu-node-non-gpu-pods", SCHEDULING, WARNING, WORKLOAD, Docs.GPUS),
				java.util.Set.of("Deployment", "StatefulSet", "ReplicaSet", "Job", "CronJob", "Pod"), (workload) -> {
					for (PodFacts pod : workload.pods()) {
						ClusterNode node = (pod.nodeName() != null) ? workload.index().node(pod.nodeName()) : null;
						if (node != null && gpus(node.allocatable()) > 0 && gpus(pod.requests()) == 0
								&& gpus(pod.limits()) == 0) {
							return new Hit(workload.spec("affinity.nodeAffinity"),
									"pod " + pod.name() + " requests no GPU but runs on GPU node " + node.name());
						}
					}
					return null;
				}));
		return checks;
	}

	static long gpus(Resources resources) {
		long gpus = 0;
		for (Map.Entry<String, Long> entry : resources.other().entrySet()) {
			if (entry.getKey().contains("gpu") && entry.getValue() > 0) {
				gpus += entry.getValue();
			}
		}
		return gpus;
	}

	private static @Nullable String gpuRequest(WorkloadView workload) {
		for (WorkloadView.ContainerView c : workload.containers()) {
			V1Container container = c.container();
			if (container.getResources() == null) {
				continue;
			}
			for (var map : java.util.Arrays.asList(container.getResources().getLimits(),
					container.getResources().getRequests())) {
				if (map != null) {
					for (String resource : map.keySet()) {
						if (resource.contains("gpu") && map.get(resource).getNumber().signum() > 0) {
							return resource + ": " + Values.text(map.get(resource));
						}
					}
				}
			}
		}
		return null;
	}

	private static @Nullable Hit gpuUnfenced(WorkloadView workload) {
		String request = gpuRequest(workload);
		if (request == null) {
			return null;
		}
		List<Toleration> tolerations = new ArrayList<>();
		if (workload.spec().getTolerations() != null) {
			for (V1Toleration toleration : workload.spec().getTolerations()) {
				tolerations.add(new Toleration(toleration.getKey(), toleration.getOperator(), toleration.getValue(),
						toleration.getEffect(), toleration.getTolerationSeconds()));
			}
		}
		List<ClusterNode> gpuNodes = workload.index().snapshot().nodes().stream()
			.filter((node) -> gpus(node.allocatable()) > 0)
			.toList();
		boolean placeable = gpuNodes.stream().anyMatch((node) -> node.taints().stream()
			.allMatch((taint) -> taint.effect().equals("PreferNoSchedule")
					|| tolerations.stream().anyMatch((toleration) -> toleration.tolerates(taint))));
		if (!gpuNodes.isEmpty() && !placeable) {
			return new Hit(workload.spec("tolerations"), "requests " + request
					+ " but tolerates the taints of no GPU node (" + gpuNodes.get(0).taints() + " on " + gpuNodes.get(0).name() + ")");
		}
		boolean selects = (workload.spec().getNodeSelector() != null && !workload.spec().getNodeSelector().isEmpty())
				|| (workload.spec().getAffinity() != null && workload.spec().getAffinity().getNodeAffinity() != null);
		boolean tolerates = tolerations.stream().anyMatch((toleration) -> toleration.key() != null
				&& !toleration.key().isEmpty() && !toleration.key().startsWith("node.kubernetes.io/"));
		return (selects || tolerates) ? null : new Hit(workload.spec("nodeSelector"),
				"requests " + request + " without a nodeSelector, node affinity or GPU toleration");
	}

	private static @Nullable Hit unsatisfiable(WorkloadView workload) {
		List<ClusterNode> nodes = workload.index().snapshot().nodes();
		if (nodes.isEmpty()) {
			return null;
		}
		Map<String, String> selector = workload.spec().getNodeSelector();
		if (selector != null && !selector.isEmpty()
				&& nodes.stream().noneMatch((node) -> Selectors.contains(node.labels(), selector))) {
			return new Hit(workload.spec("nodeSelector"), "no node has " + Values.labels(selector));
		}
		V1NodeAffinity affinity = (workload.spec().getAffinity() != null) ? workload.spec().getAffinity().getNodeAffinity()
				: null;
		if (affinity == null || affinity.getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
			return null;
		}
		List<V1NodeSelectorTerm> terms = affinity.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
		for (ClusterNode node : nodes) {
			for (V1NodeSelectorTerm term : terms) {
				List<V1NodeSelectorRequirement> requirements = (term.getMatchExpressions() != null)
						? term.getMatchExpressions() : List.of();
				if (requirements.stream().allMatch((requirement) -> Selectors.matches(requirement, node.labels()))) {
					return null;
				}
			}
		}
		return new Hit(workload.spec("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"),
				"no node matches any of its " + terms.size() + " terms");
	}

}
