package dev.ballast.isolation;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterSnapshot;

/**
 * Namespace posture, NetworkPolicy reachability and DNS notes of a snapshot: the network side of
 * the stored isolation document. Pods are kept as groups (namespace, labels, named ports, the
 * ipBlocks their IPs fall in), so a 150,000-pod cluster stores a few thousand groups; the
 * reachability between groups is computed on request by {@link Reachability}.
 *
 * @param notes what could not be known, as message code suffixes ({@code isolation.note.<code>})
 * @param policiesKnown whether the snapshot holds the NetworkPolicies: when {@code false}
 * reachability is unknown, not open
 * @param cni the network plugin and whether it enforces NetworkPolicy
 * @param namespaces the posture of every namespace, by name
 * @param groups the pod groups, referred to by index
 * @param policies the policies, reduced
 * @param ipBlocks the distinct {@code ipBlock}s of all policies, referred to by index
 * @param findings what stands out, worst first
 */
public record NetworkIsolation(List<String> notes, boolean policiesKnown, Cni cni, List<NamespacePosture> namespaces,
		List<PodGroup> groups, List<Policy> policies, List<Policy.IpBlock> ipBlocks, List<Finding> findings) {

	public NetworkIsolation {
		notes = List.copyOf(notes);
		namespaces = List.copyOf(namespaces);
		groups = List.copyOf(groups);
		policies = List.copyOf(policies);
		ipBlocks = List.copyOf(ipBlocks);
		findings = List.copyOf(findings);
	}

	static NetworkIsolation of(ClusterSnapshot snapshot) {
		return NetworkBuilder.build(snapshot);
	}

	/**
	 * The posture of a namespace.
	 * @param name the namespace
	 * @return the posture or {@code null} when there is no such namespace
	 */
	public @Nullable NamespacePosture namespace(String name) {
		for (NamespacePosture posture : this.namespaces) {
			if (posture.name().equals(name)) {
				return posture;
			}
		}
		return null;
	}

	/**
	 * The network plugin.
	 *
	 * @param plugins the plugins recognised from DaemonSets, e.g. {@code flannel}
	 * @param enforcement whether NetworkPolicy is enforced
	 */
	public record Cni(List<String> plugins, Enforcement enforcement) {

		public Cni {
			plugins = List.copyOf(plugins);
		}

	}

	/** Whether the network plugin enforces NetworkPolicy. */
	public enum Enforcement {

		/** A plugin known to enforce it runs (Calico, Cilium, Canal, Weave Net, Antrea, kube-router, …). */
		ENFORCED,
		/** Only plugins that do not enforce it run (flannel alone, the AWS VPC CNI without its policy agent, …). */
		NOT_ENFORCED,
		/** No known plugin was recognised. */
		UNKNOWN

	}

	/**
	 * Pods of one namespace with the same labels, the same named ports and the same ipBlock
	 * membership: NetworkPolicy cannot tell them apart. Only the labels and port names some policy
	 * mentions are kept.
	 *
	 * @param namespace the namespace
	 * @param labels the pods' labels that some policy's pod selector looks at
	 * @param pods how many pods (0 for a workload whose pods the snapshot does not hold, e.g. from manifests)
	 * @param ports the named container ports
	 * @param ipBlocks indexes of the {@link NetworkIsolation#ipBlocks()} the pods' IPs fall in
	 * @param workloads the first workloads the pods belong to (at most three), as {@code Kind/name}
	 * @param workloadCount how many workloads the pods belong to
	 */
	public record PodGroup(String namespace, Map<String, String> labels, int pods, List<NamedPort> ports,
			List<Integer> ipBlocks, List<String> workloads, int workloadCount) {

		public PodGroup {
			labels = new java.util.TreeMap<>(labels);
			ports = List.copyOf(ports);
			ipBlocks = List.copyOf(ipBlocks);
			workloads = List.copyOf(workloads);
		}

		/**
		 * A short name: the labels that matter, or the first workload.
		 * @return the name
		 */
		public String title() {
			if (!this.labels.isEmpty()) {
				return new Selector(this.labels, List.of()).toString();
			}
			return this.workloads.isEmpty() ? "{}" : this.workloads.get(0);
		}

	}

	/**
	 * A named container port.
	 *
	 * @param name the name
	 * @param port the container port
	 * @param protocol the protocol
	 */
	public record NamedPort(String name, int port, String protocol) {
	}

}
