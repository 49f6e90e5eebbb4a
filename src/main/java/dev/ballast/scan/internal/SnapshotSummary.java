package dev.ballast.scan.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.SnapshotSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code snapshot} analysis document: what the snapshot held, kind by kind, where it came
 * from and what it left out. Version 1.
 */
final class SnapshotSummary {

	static final String KIND = "snapshot";

	static final int VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SnapshotSummary() {
	}

	static AnalysisDocument of(ClusterSnapshot snapshot) {
		SnapshotSource source = snapshot.source();
		Map<String, Integer> kinds = new LinkedHashMap<>();
		kinds.put("Node", snapshot.nodes().size());
		kinds.put("Namespace", snapshot.namespaces().size());
		kinds.put("Workload", snapshot.workloads().size());
		kinds.put("Pod", snapshot.pods().size());
		kinds.put("Service", snapshot.services().size());
		kinds.put("EndpointSlice", snapshot.endpoints().size());
		kinds.put("Ingress", snapshot.ingresses().size());
		kinds.put("NetworkPolicy", snapshot.networkPolicies().size());
		kinds.put("LimitRange", snapshot.limitRanges().size());
		kinds.put("ResourceQuota", snapshot.resourceQuotas().size());
		kinds.put("PodDisruptionBudget", snapshot.disruptionBudgets().size());
		kinds.put("HorizontalPodAutoscaler", snapshot.autoscalers().size());
		kinds.put("PriorityClass", snapshot.priorityClasses().size());
		kinds.put("Role", snapshot.roles().size());
		kinds.put("ClusterRole", snapshot.clusterRoles().size());
		kinds.put("RoleBinding", snapshot.roleBindings().size());
		kinds.put("ClusterRoleBinding", snapshot.clusterRoleBindings().size());
		kinds.put("ServiceAccount", snapshot.serviceAccounts().size());
		kinds.put("ConfigMap", snapshot.configMaps().size());
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("origin", source.origin().name().toLowerCase(java.util.Locale.ROOT));
		document.put("takenAt", source.takenAt().toString());
		document.put("serverVersion", source.serverVersion());
		document.put("kinds", kinds);
		document.put("otherKinds", source.otherKinds());
		document.put("secretsDropped", source.secretsDropped());
		document.put("gaps", snapshot.gaps()
			.stream()
			.map((gap) -> Map.of("kind", gap.kind(), "reason", gap.reason().name(), "message", gap.message()))
			.toList());
		document.put("warnings", List.copyOf(source.warnings()));
		return new AnalysisDocument(VERSION, JSON.writeValueAsString(document));
	}

}
