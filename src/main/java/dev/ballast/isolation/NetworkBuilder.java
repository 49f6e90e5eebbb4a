package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.ballast.isolation.Finding.Severity;
import dev.ballast.isolation.NamespacePosture.Dns;
import dev.ballast.isolation.NamespacePosture.Verdict;
import dev.ballast.isolation.NetworkIsolation.Enforcement;
import dev.ballast.isolation.NetworkIsolation.PodGroup;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Namespace;

/**
 * Assembles {@link NetworkIsolation} from a snapshot: policies, pod groups, the posture of every
 * namespace and the findings.
 */
final class NetworkBuilder {

	static final String NAME_LABEL = "kubernetes.io/metadata.name";

	static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");

	/** Namespaces reachable from everywhere named one by one in findings; the rest are counted. */
	static final int OPEN_FINDINGS = 100;

	private NetworkBuilder() {
	}

	static NetworkIsolation build(ClusterSnapshot snapshot) {
		List<String> notes = new ArrayList<>();
		boolean known = snapshot.gap("NetworkPolicy") == null;
		if (!known) {
			notes.add("policies-unknown");
		}
		PolicyReader reader = new PolicyReader();
		List<Policy> policies = reader.read(snapshot.networkPolicies());
		PodGroups podGroups = new PodGroups();
		List<PodGroup> groups = podGroups.of(snapshot, policies, reader.ipBlocks());
		Map<String, Map<String, String>> labels = namespaceLabels(snapshot, groups, policies, notes);
		List<NamespacePosture> stubs = new ArrayList<>();
		labels.forEach((name, set) -> stubs.add(new NamespacePosture(name, set, 0, 0, 0, 0, false, false, 0, 0, 0, 0, 0,
				0, null, null, null, Verdict.INFO, List.of(), new Dns(0, List.of()))));
		NetworkIsolation.Cni cni = Cni.of(snapshot);
		Reachability reach = Reachability.of(new NetworkIsolation(notes, known, cni, stubs, groups, policies,
				reader.ipBlocks(), List.of()));
		List<Finding> findings = new ArrayList<>(reader.findings());
		Postures postures = new Postures(snapshot, policies, reach, cni, known, podGroups.hostNetwork());
		List<NamespacePosture> namespaces = new ArrayList<>();
		for (NamespacePosture stub : stubs) {
			namespaces.add(postures.of(stub.name(), stub.labels()));
		}
		findings.addAll(policyFindings(policies, groups, reach));
		findings.addAll(clusterFindings(snapshot, namespaces, policies, cni, known, reader.ipBlocks(), groups));
		findings.sort(Comparator.comparing(Finding::severity));
		return new NetworkIsolation(notes, known, cni, namespaces, groups, policies, reader.ipBlocks(), findings);
	}

	private static Map<String, Map<String, String>> namespaceLabels(ClusterSnapshot snapshot, List<PodGroup> groups,
			List<Policy> policies, List<String> notes) {
		Map<String, Map<String, String>> labels = new TreeMap<>();
		for (Namespace namespace : snapshot.namespaces()) {
			labels.put(namespace.name(), namespace.labels());
		}
		for (PodGroup group : groups) {
			labels.putIfAbsent(group.namespace(), Map.of());
		}
		for (Policy policy : policies) {
			labels.putIfAbsent(policy.namespace(), Map.of());
		}
		Set<String> keys = namespaceLabelKeys(policies);
		boolean added = false;
		for (Map.Entry<String, Map<String, String>> entry : labels.entrySet()) {
			Map<String, String> kept = new TreeMap<>();
			entry.getValue().forEach((key, value) -> {
				if (keys.contains(key)) {
					kept.put(key, value);
				}
			});
			if (!entry.getValue().containsKey(NAME_LABEL)) {
				added = true;
			}
			if (keys.contains(NAME_LABEL)) {
				kept.put(NAME_LABEL, entry.getKey());
			}
			entry.setValue(kept);
		}
		if (added) {
			notes.add("name-label-added");
		}
		return labels;
	}

	/** The label keys some namespace selector looks at: only they can change a decision, so only they are kept. */
	private static Set<String> namespaceLabelKeys(List<Policy> policies) {
		Set<String> keys = new HashSet<>();
		for (Policy policy : policies) {
			List<Policy.Rule> rules = new ArrayList<>(policy.ingressRules());
			rules.addAll(policy.egressRules());
			for (Policy.Rule rule : rules) {
				for (Policy.Peer peer : rule.peers()) {
					Selector selector = peer.namespaces();
					if (selector != null) {
						keys.addAll(selector.matchLabels().keySet());
						selector.expressions().forEach((requirement) -> keys.add(requirement.key()));
					}
				}
			}
		}
		return keys;
	}

	private static List<Finding> policyFindings(List<Policy> policies, List<PodGroup> groups, Reachability reach) {
		List<Finding> findings = new ArrayList<>();
		Set<String> portNames = new HashSet<>();
		for (PodGroup group : groups) {
			group.ports().forEach((port) -> portNames.add(port.name()));
		}
		for (Policy policy : policies) {
			List<Integer> selected = new ArrayList<>();
			for (int group : reach.groupsIn(policy.namespace())) {
				if (policy.pods().matches(groups.get(group).labels())) {
					selected.add(group);
				}
			}
			if (selected.isEmpty()) {
				findings.add(new Finding(Severity.WARNING, "selects-nothing", policy.namespace(), policy.name(),
						List.of(policy.pods().toString())));
			}
			Set<String> ingressNames = new HashSet<>();
			for (int group : selected) {
				groups.get(group).ports().forEach((port) -> ingressNames.add(port.name()));
			}
			Set<String> unknown = new java.util.TreeSet<>();
			policy.ingressRules().forEach((rule) -> rule.ports().stream()
				.filter((port) -> port.name() != null && !ingressNames.contains(port.name()))
				.forEach((port) -> unknown.add(port.name())));
			policy.egressRules().forEach((rule) -> rule.ports().stream()
				.filter((port) -> port.name() != null && !portNames.contains(port.name()))
				.forEach((port) -> unknown.add(port.name())));
			for (String name : unknown) {
				findings.add(new Finding(Severity.WARNING, "unknown-named-port", policy.namespace(), policy.name(),
						List.of(name)));
			}
		}
		return findings;
	}

	private static List<Finding> clusterFindings(ClusterSnapshot snapshot, List<NamespacePosture> namespaces,
			List<Policy> policies, NetworkIsolation.Cni cni, boolean known, List<Policy.IpBlock> ipBlocks,
			List<PodGroup> groups) {
		List<Finding> findings = new ArrayList<>();
		String plugins = String.join(", ", cni.plugins());
		if (!known) {
			findings.add(new Finding(Severity.WARNING, "policies-unknown", null, null, List.of()));
		}
		if (cni.enforcement() == Enforcement.NOT_ENFORCED) {
			findings.add(new Finding(policies.isEmpty() ? Severity.WARNING : Severity.DANGER,
					policies.isEmpty() ? "no-enforcement" : "not-enforced", null, null,
					List.of(plugins, String.valueOf(policies.size()))));
		}
		else if (cni.enforcement() == Enforcement.UNKNOWN) {
			findings.add(new Finding(Severity.INFO, "cni-unknown", null, null, List.of()));
		}
		int open = 0;
		for (NamespacePosture posture : namespaces) {
			if (known && !SYSTEM.contains(posture.name()) && posture.groups() > 0
					&& posture.openGroups() == posture.groups()) {
				if (open++ < OPEN_FINDINGS) {
					findings.add(new Finding(Severity.WARNING, "open-namespace", posture.name(), null,
							List.of(String.valueOf(posture.pods()))));
				}
			}
		}
		if (open > OPEN_FINDINGS) {
			findings.add(new Finding(Severity.WARNING, "open-namespaces-more", null, null,
					List.of(String.valueOf(open - OPEN_FINDINGS))));
		}
		NamespacePosture defaults = namespaces.stream().filter((n) -> n.name().equals("default")).findFirst().orElse(null);
		if (defaults != null && defaults.workloads() > 0) {
			findings.add(new Finding(Severity.INFO, "default-workloads", "default", null,
					List.of(String.valueOf(defaults.workloads()))));
		}
		for (int i = 0; i < ipBlocks.size(); i++) {
			int block = i;
			long pods = groups.stream().filter((g) -> g.ipBlocks().contains(block)).mapToLong(PodGroup::pods).sum();
			if (pods > 0) {
				findings.add(new Finding(Severity.INFO, "ipblock-pods", null, ipBlocks.get(i).toString(),
						List.of(String.valueOf(pods))));
			}
		}
		int hostNetwork = namespaces.stream().mapToInt(NamespacePosture::hostNetworkPods).sum();
		if (hostNetwork > 0) {
			findings.add(new Finding(Severity.INFO, "host-network", null, null, List.of(String.valueOf(hostNetwork))));
		}
		return findings;
	}

}
