package dev.ballast.scan.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Namespace;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Workload;

/**
 * Computes the {@link NamespaceFacts} of every namespace of a snapshot (those listed, and those
 * only its workloads name, as in a folder of manifests): a pure function, no I/O.
 */
final class NamespaceFactsOf {

	/** The kinds the posture depends on; a gap in one makes what depends on it unknown. */
	static final List<String> POSTURE_KINDS = List.of("LimitRange", "ResourceQuota", "NetworkPolicy");

	static final int INGRESS = 1;

	static final int EGRESS = 2;

	private NamespaceFactsOf() {
	}

	/**
	 * The facts of each namespace, by name.
	 * @param snapshot the snapshot
	 * @return facts by namespace name, sorted
	 */
	static Map<String, NamespaceFacts> of(ClusterSnapshot snapshot) {
		Map<String, Namespace> listed = new HashMap<>();
		snapshot.namespaces().forEach((namespace) -> listed.put(namespace.name(), namespace));
		TreeSet<String> names = new TreeSet<>(listed.keySet());
		// per namespace: workloads, pods, limit ranges, network policies, default-deny bits
		Map<String, int[]> counts = new HashMap<>();
		for (Workload workload : snapshot.workloads()) {
			names.add(workload.namespace());
			counts.computeIfAbsent(workload.namespace(), (key) -> new int[5])[0]++;
		}
		for (PodFacts pod : snapshot.pods()) {
			counts.computeIfAbsent(pod.namespace(), (key) -> new int[5])[1]++;
		}
		for (V1LimitRange range : snapshot.limitRanges()) {
			counts.computeIfAbsent(namespaceOf(range.getMetadata()), (key) -> new int[5])[2]++;
		}
		Map<String, List<NamespaceFacts.Quota>> quotas = new HashMap<>();
		for (V1ResourceQuota quota : snapshot.resourceQuotas()) {
			quotas.computeIfAbsent(namespaceOf(quota.getMetadata()), (key) -> new ArrayList<>()).add(quota(quota));
		}
		for (V1NetworkPolicy policy : snapshot.networkPolicies()) {
			int[] count = counts.computeIfAbsent(namespaceOf(policy.getMetadata()), (key) -> new int[5]);
			count[3]++;
			count[4] |= denies(policy.getSpec());
		}
		List<String> unknown = POSTURE_KINDS.stream().filter((kind) -> snapshot.gap(kind) != null).toList();
		Map<String, NamespaceFacts> facts = new TreeMap<>();
		for (String name : names) {
			Namespace namespace = listed.get(name);
			int[] count = counts.getOrDefault(name, new int[5]);
			facts.put(name, new NamespaceFacts((namespace != null) ? new TreeMap<>(namespace.labels()) : Map.of(),
					(namespace != null) ? namespace.phase() : null, count[0], count[1], count[2],
					List.copyOf(quotas.getOrDefault(name, List.of())), count[3], (count[4] & INGRESS) != 0,
					(count[4] & EGRESS) != 0, unknown));
		}
		return facts;
	}

	/**
	 * What a policy denies by default: it selects every pod of its namespace and, for a policy
	 * type it names, allows nothing. Without {@code policyTypes} a policy is an Ingress policy
	 * (and an Egress one too if it has egress rules, which then allow something).
	 * @return {@link #INGRESS} and {@link #EGRESS} bits
	 */
	static int denies(@Nullable V1NetworkPolicySpec spec) {
		if (spec == null || !selectsAll(spec.getPodSelector())) {
			return 0;
		}
		List<String> types = spec.getPolicyTypes();
		boolean ingressType = types == null || types.isEmpty() || types.contains("Ingress");
		boolean egressType = types != null && types.contains("Egress");
		int denies = 0;
		if (ingressType && (spec.getIngress() == null || spec.getIngress().isEmpty())) {
			denies |= INGRESS;
		}
		if (egressType && (spec.getEgress() == null || spec.getEgress().isEmpty())) {
			denies |= EGRESS;
		}
		return denies;
	}

	private static boolean selectsAll(@Nullable V1LabelSelector selector) {
		return selector == null || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
				&& (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()));
	}

	private static NamespaceFacts.Quota quota(V1ResourceQuota quota) {
		List<String> limits = new ArrayList<>();
		Map<String, Quantity> hard = (quota.getSpec() != null) ? quota.getSpec().getHard() : null;
		if (hard != null) {
			new TreeMap<>(hard).forEach((resource, amount) -> limits.add(resource + "=" + amount.toSuffixedString()));
		}
		String name = (quota.getMetadata() != null) ? quota.getMetadata().getName() : null;
		return new NamespaceFacts.Quota((name != null) ? name : "", List.copyOf(limits));
	}

	private static String namespaceOf(io.kubernetes.client.openapi.models.@Nullable V1ObjectMeta metadata) {
		String namespace = (metadata != null) ? metadata.getNamespace() : null;
		return (namespace != null) ? namespace : "default";
	}

}
