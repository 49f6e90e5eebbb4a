package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1PodDNSConfig;
import io.kubernetes.client.openapi.models.V1PodDNSConfigOption;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import org.jspecify.annotations.Nullable;

import dev.ballast.isolation.NamespacePosture.Dns;
import dev.ballast.isolation.NamespacePosture.DnsOverride;
import dev.ballast.isolation.NamespacePosture.Verdict;
import dev.ballast.isolation.NetworkIsolation.Enforcement;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Workload;

/**
 * The posture of each namespace: its NetworkPolicies and how many pod groups they isolate, its
 * LimitRanges and ResourceQuotas, its Pod Security admission labels, DNS overrides, and a verdict.
 */
final class Postures {

	static final String PSA = "pod-security.kubernetes.io/";

	/** DNS overrides listed per namespace; the rest are counted. */
	static final int DNS_EXAMPLES = 20;

	private final Map<String, List<Workload>> workloads = new HashMap<>();

	private final Map<String, List<Policy>> policies = new HashMap<>();

	private final Map<String, Integer> limitRanges = new HashMap<>();

	private final Map<String, Integer> quotas = new HashMap<>();

	private final Map<String, Integer> hostNetwork;

	private final Map<String, Map<String, String>> ownLabels = new HashMap<>();

	private final Reachability reach;

	private final NetworkIsolation.Cni cni;

	private final boolean known;

	Postures(ClusterSnapshot snapshot, List<Policy> policies, Reachability reach, NetworkIsolation.Cni cni,
			boolean known, Map<String, Integer> hostNetwork) {
		this.reach = reach;
		this.cni = cni;
		this.known = known;
		this.hostNetwork = hostNetwork;
		for (dev.ballast.snapshot.Namespace namespace : snapshot.namespaces()) {
			this.ownLabels.put(namespace.name(), namespace.labels());
		}
		for (Workload workload : snapshot.workloads()) {
			this.workloads.computeIfAbsent(workload.namespace(), (key) -> new ArrayList<>()).add(workload);
		}
		for (Policy policy : policies) {
			this.policies.computeIfAbsent(policy.namespace(), (key) -> new ArrayList<>()).add(policy);
		}
		for (V1LimitRange range : snapshot.limitRanges()) {
			if (range.getMetadata() != null && range.getMetadata().getNamespace() != null) {
				this.limitRanges.merge(range.getMetadata().getNamespace(), 1, Integer::sum);
			}
		}
		for (V1ResourceQuota quota : snapshot.resourceQuotas()) {
			if (quota.getMetadata() != null && quota.getMetadata().getNamespace() != null) {
				this.quotas.merge(quota.getMetadata().getNamespace(), 1, Integer::sum);
			}
		}
	}

	NamespacePosture of(String name, Map<String, String> labels) {
		List<Policy> own = this.policies.getOrDefault(name, List.of());
		boolean denyIngress = own.stream().anyMatch((p) -> p.ingress() && p.pods().empty());
		boolean denyEgress = own.stream().anyMatch((p) -> p.egress() && p.pods().empty());
		int pods = 0;
		int ingress = 0;
		int egress = 0;
		int open = 0;
		List<Integer> groups = this.reach.groupsIn(name);
		for (int group : groups) {
			pods += this.reach.network().groups().get(group).pods();
			ingress += this.reach.ingressPolicies(group).isEmpty() ? 0 : 1;
			egress += this.reach.egressPolicies(group).isEmpty() ? 0 : 1;
			open += this.reach.openToAll(group) ? 1 : 0;
		}
		List<Workload> workloads = this.workloads.getOrDefault(name, List.of());
		int limitRanges = this.limitRanges.getOrDefault(name, 0);
		int quotas = this.quotas.getOrDefault(name, 0);
		Map<String, String> written = this.ownLabels.getOrDefault(name, Map.of());
		String enforce = written.get(PSA + "enforce");
		List<String> reasons = new ArrayList<>();
		Verdict verdict = verdict(name, groups.size(), own.size(), open, reasons);
		if (verdict != Verdict.INFO || name.equals("default")) {
			warn(!denyIngress && this.known, "no-default-deny-ingress", reasons);
			warn(!denyEgress && this.known, "no-default-deny-egress", reasons);
			warn(limitRanges == 0, "no-limit-range", reasons);
			warn(quotas == 0, "no-resource-quota", reasons);
			warn(enforce == null, "no-psa-enforce", reasons);
			warn("privileged".equals(enforce), "psa-privileged", reasons);
			if (verdict == Verdict.OK && !reasons.isEmpty()) {
				verdict = Verdict.WARNING;
			}
		}
		return new NamespacePosture(name, labels, workloads.size(), pods, this.hostNetwork.getOrDefault(name, 0),
				own.size(), denyIngress, denyEgress, groups.size(), ingress, egress, open, limitRanges, quotas, enforce,
				written.get(PSA + "warn"), written.get(PSA + "audit"), verdict, reasons, dns(workloads));
	}

	private Verdict verdict(String name, int groups, int policies, int open, List<String> reasons) {
		if (name.equals("default") && groups > 0) {
			reasons.add("default-workloads");
		}
		if (NetworkBuilder.SYSTEM.contains(name)) {
			reasons.add("system");
			return Verdict.INFO;
		}
		if (groups == 0) {
			reasons.add("empty");
			return Verdict.INFO;
		}
		if (!this.known) {
			reasons.add("policies-unknown");
			return Verdict.WARNING;
		}
		if (policies > 0 && this.cni.enforcement() == Enforcement.NOT_ENFORCED) {
			reasons.add("not-enforced");
			return Verdict.DANGER;
		}
		if (open == groups) {
			reasons.add((policies == 0) ? "no-policy" : "open-to-all");
			return Verdict.DANGER;
		}
		return Verdict.OK;
	}

	private static void warn(boolean condition, String reason, List<String> reasons) {
		if (condition) {
			reasons.add(reason);
		}
	}

	private static Dns dns(List<Workload> workloads) {
		int overrides = 0;
		List<DnsOverride> examples = new ArrayList<>();
		for (Workload workload : workloads) {
			DnsOverride override = dns(workload);
			if (override != null) {
				overrides++;
				if (examples.size() < DNS_EXAMPLES) {
					examples.add(override);
				}
			}
		}
		return new Dns(overrides, examples);
	}

	private static @Nullable DnsOverride dns(Workload workload) {
		V1PodSpec spec = workload.template().getSpec();
		if (spec == null) {
			return null;
		}
		String policy = (spec.getDnsPolicy() != null) ? spec.getDnsPolicy() : "ClusterFirst";
		if (Boolean.TRUE.equals(spec.getHostNetwork()) && policy.equals("ClusterFirstWithHostNet")) {
			policy = "ClusterFirst";
		}
		V1PodDNSConfig config = spec.getDnsConfig();
		String ndots = null;
		boolean searches = false;
		if (config != null) {
			searches = (config.getSearches() != null && !config.getSearches().isEmpty())
					|| (config.getNameservers() != null && !config.getNameservers().isEmpty());
			if (config.getOptions() != null) {
				for (V1PodDNSConfigOption option : config.getOptions()) {
					if ("ndots".equals(option.getName())) {
						ndots = (option.getValue() != null) ? option.getValue() : "";
					}
				}
			}
		}
		boolean differs = !policy.equals("ClusterFirst") || (ndots != null && !ndots.equals("5")) || searches;
		return differs ? new DnsOverride(workload.kind() + "/" + workload.name(), policy, ndots, searches) : null;
	}

}
