package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ballast.isolation.NetworkIsolation.NamedPort;
import dev.ballast.isolation.NetworkIsolation.PodGroup;
import dev.ballast.isolation.Policy.Peer;
import dev.ballast.isolation.Policy.PolicyPort;
import dev.ballast.isolation.Policy.Rule;

/**
 * NetworkPolicy semantics as Kubernetes defines them, over the pod groups of a stored
 * {@link NetworkIsolation}: a connection from A to B on a port is allowed only when A's egress
 * allows it and B's ingress allows it. A side is open unless some policy selecting the pod isolates
 * it for that direction; an isolated side allows what the union of the rules of the policies
 * selecting it allows. A pure function, computed on request for one port and protocol.
 */
public final class Reachability {

	private final NetworkIsolation network;

	private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

	private final Map<String, List<Integer>> groupsByNamespace = new HashMap<>();

	private final List<List<Policy>> ingressOf = new ArrayList<>();

	private final List<List<Policy>> egressOf = new ArrayList<>();

	private Reachability(NetworkIsolation network) {
		this.network = network;
		for (NamespacePosture posture : network.namespaces()) {
			this.namespaceLabels.put(posture.name(), posture.labels());
		}
		for (int i = 0; i < network.groups().size(); i++) {
			this.groupsByNamespace.computeIfAbsent(network.groups().get(i).namespace(), (key) -> new ArrayList<>()).add(i);
			this.ingressOf.add(new ArrayList<>());
			this.egressOf.add(new ArrayList<>());
		}
		for (Policy policy : network.policies()) {
			for (int group : groupsIn(policy.namespace())) {
				if (policy.pods().matches(network.groups().get(group).labels())) {
					if (policy.ingress()) {
						this.ingressOf.get(group).add(policy);
					}
					if (policy.egress()) {
						this.egressOf.get(group).add(policy);
					}
				}
			}
		}
	}

	/**
	 * Prepares the reachability of a stored analysis.
	 * @param network the network side of the isolation document
	 * @return the engine
	 */
	public static Reachability of(NetworkIsolation network) {
		return new Reachability(network);
	}

	public NetworkIsolation network() {
		return this.network;
	}

	/**
	 * The indexes of the pod groups of a namespace.
	 * @param namespace the namespace
	 * @return the indexes, empty for a namespace without pods
	 */
	public List<Integer> groupsIn(String namespace) {
		return this.groupsByNamespace.getOrDefault(namespace, List.of());
	}

	/**
	 * The policies that isolate a group for ingress.
	 * @param group the group's index
	 * @return the policies
	 */
	public List<Policy> ingressPolicies(int group) {
		return this.ingressOf.get(group);
	}

	/**
	 * The policies that isolate a group for egress.
	 * @param group the group's index
	 * @return the policies
	 */
	public List<Policy> egressPolicies(int group) {
		return this.egressOf.get(group);
	}

	/**
	 * Whether a group accepts every pod on every port: no policy isolates it for ingress, or one
	 * has a rule with neither peers nor ports.
	 * @param group the group's index
	 * @return {@code true} if open to all
	 */
	public boolean openToAll(int group) {
		List<Policy> policies = this.ingressOf.get(group);
		if (policies.isEmpty()) {
			return true;
		}
		for (Policy policy : policies) {
			for (Rule rule : policy.ingressRules()) {
				if (rule.peers().isEmpty() && rule.ports().isEmpty()) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Decides one connection.
	 * @param from the source group's index
	 * @param to the destination group's index
	 * @param port the destination port and protocol
	 * @return the decision with the policies on each side
	 */
	public Decision decide(int from, int to, Port port) {
		PodGroup destination = this.network.groups().get(to);
		Side egress = side(this.egressOf.get(from), true, to, destination, port);
		Side ingress = side(this.ingressOf.get(to), false, from, destination, port);
		return new Decision(from, to, egress, ingress);
	}

	private Side side(List<Policy> policies, boolean egress, int peer, PodGroup destination, Port port) {
		if (policies.isEmpty()) {
			return new Side(false, List.of(), List.of());
		}
		List<String> selecting = new ArrayList<>();
		List<String> allowing = new ArrayList<>();
		for (Policy policy : policies) {
			selecting.add(policy.name());
			for (Rule rule : egress ? policy.egressRules() : policy.ingressRules()) {
				if (allows(policy, rule, peer, destination, port)) {
					allowing.add(policy.name());
					break;
				}
			}
		}
		return new Side(true, selecting, allowing);
	}

	private boolean allows(Policy policy, Rule rule, int peer, PodGroup destination, Port port) {
		boolean portMatches = rule.ports().isEmpty();
		for (PolicyPort policyPort : rule.ports()) {
			if (matches(policyPort, port, destination)) {
				portMatches = true;
				break;
			}
		}
		if (!portMatches) {
			return false;
		}
		if (rule.peers().isEmpty()) {
			return true;
		}
		for (Peer candidate : rule.peers()) {
			if (matches(policy, candidate, this.network.groups().get(peer))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a peer of a policy selects a group.
	 * @param policy the policy (its namespace is the default for a pod selector alone)
	 * @param peer the peer
	 * @param group the group
	 * @return {@code true} if selected
	 */
	boolean matches(Policy policy, Peer peer, PodGroup group) {
		if (!peer.valid()) {
			return false;
		}
		if (peer.ipBlock() >= 0) {
			return group.ipBlocks().contains(peer.ipBlock());
		}
		Selector namespaces = peer.namespaces();
		if (namespaces == null) {
			if (!group.namespace().equals(policy.namespace())) {
				return false;
			}
		}
		else if (!namespaces.matches(this.namespaceLabels.getOrDefault(group.namespace(), Map.of()))) {
			return false;
		}
		Selector pods = peer.pods();
		return pods == null || pods.matches(group.labels());
	}

	static boolean matches(PolicyPort policyPort, Port port, PodGroup destination) {
		if (!policyPort.protocol().equals(port.protocol())) {
			return false;
		}
		if (policyPort.name() != null) {
			for (NamedPort named : destination.ports()) {
				if (named.name().equals(policyPort.name()) && named.protocol().equals(port.protocol())
						&& named.port() == port.number()) {
					return true;
				}
			}
			return false;
		}
		if (policyPort.port() == 0) {
			return true;
		}
		if (policyPort.endPort() > 0) {
			return port.number() >= policyPort.port() && port.number() <= policyPort.endPort();
		}
		return port.number() == policyPort.port();
	}

	/**
	 * A destination port.
	 *
	 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
	 * @param number 1 to 65535
	 */
	public record Port(String protocol, int number) {

		@Override
		public String toString() {
			return this.number + "/" + this.protocol;
		}

	}

	/**
	 * One direction of a connection.
	 *
	 * @param isolated whether some policy selects the pod for this direction
	 * @param selectedBy the policies that do
	 * @param allowedBy those of them with a rule that allows the connection
	 */
	public record Side(boolean isolated, List<String> selectedBy, List<String> allowedBy) {

		/**
		 * Whether this side lets the connection through.
		 * @return {@code true} when not isolated or allowed by a policy
		 */
		public boolean allowed() {
			return !this.isolated || !this.allowedBy.isEmpty();
		}

	}

	/**
	 * The decision on one connection.
	 *
	 * @param from the source group's index
	 * @param to the destination group's index
	 * @param egress the source's egress
	 * @param ingress the destination's ingress
	 */
	public record Decision(int from, int to, Side egress, Side ingress) {

		/**
		 * Whether the connection is allowed: both sides must let it through.
		 * @return {@code true} if allowed
		 */
		public boolean allowed() {
			return this.egress.allowed() && this.ingress.allowed();
		}

	}

}
