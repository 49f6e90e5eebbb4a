package dev.ballast.isolation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A NetworkPolicy reduced to what decides traffic, with Kubernetes' defaults applied:
 * {@code policyTypes} defaults to Ingress, plus Egress when the policy has egress rules.
 *
 * @param namespace the policy's namespace
 * @param name the policy's name
 * @param pods the pods it applies to ({@code spec.podSelector}; {@code {}} is every pod of the namespace)
 * @param ingress whether it isolates the selected pods for ingress
 * @param egress whether it isolates them for egress
 * @param ingressRules what it allows in (an empty list with {@code ingress}: nothing)
 * @param egressRules what it allows out
 */
public record Policy(String namespace, String name, Selector pods, boolean ingress, boolean egress,
		List<Rule> ingressRules, List<Rule> egressRules) {

	public Policy {
		ingressRules = List.copyOf(ingressRules);
		egressRules = List.copyOf(egressRules);
	}

	/**
	 * One ingress or egress rule: traffic matching one of its peers AND one of its ports.
	 *
	 * @param peers {@code from} or {@code to}; empty means every source or destination
	 * @param ports the ports; empty means every port
	 */
	public record Rule(List<Peer> peers, List<PolicyPort> ports) {

		public Rule {
			peers = List.copyOf(peers);
			ports = List.copyOf(ports);
		}

	}

	/**
	 * One peer. With an {@code ipBlock} only the block counts; otherwise {@code pods} and
	 * {@code namespaces} together: {@code pods} alone means pods of the policy's namespace,
	 * {@code namespaces} alone every pod of the selected namespaces, both: the selected pods in
	 * the selected namespaces (AND, not OR).
	 *
	 * @param pods the pod selector, or {@code null} when absent
	 * @param namespaces the namespace selector, or {@code null} when absent
	 * @param ipBlock index into {@link NetworkIsolation#ipBlocks()}, {@code -1} when absent
	 * @param valid {@code false} for a peer Kubernetes would refuse (no field set, a bad CIDR, an
	 * unknown selector operator): it matches nothing
	 */
	public record Peer(@Nullable Selector pods, @Nullable Selector namespaces, int ipBlock, boolean valid) {
	}

	/**
	 * One port entry.
	 *
	 * @param protocol {@code TCP} (the default), {@code UDP} or {@code SCTP}
	 * @param port the port number, {@code 0} when absent (every port of the protocol) or named
	 * @param name the named port, or {@code null}
	 * @param endPort the last port of a range, {@code 0} when none
	 */
	public record PolicyPort(String protocol, int port, @Nullable String name, int endPort) {

		@Override
		public String toString() {
			String number = (this.name != null) ? this.name
					: (this.port == 0) ? "*" : (this.endPort > 0) ? this.port + "-" + this.endPort : String.valueOf(this.port);
			return number + "/" + this.protocol;
		}

	}

	/**
	 * An {@code ipBlock}: a CIDR minus exceptions.
	 *
	 * @param cidr the block
	 * @param except blocks left out of it
	 */
	public record IpBlock(String cidr, List<String> except) {

		public IpBlock {
			except = List.copyOf(except);
		}

		@Override
		public String toString() {
			return this.except.isEmpty() ? this.cidr : this.cidr + " except " + String.join(", ", this.except);
		}

	}

}
