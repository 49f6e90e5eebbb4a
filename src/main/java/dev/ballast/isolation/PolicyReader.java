package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1IPBlock;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import org.jspecify.annotations.Nullable;

import dev.ballast.isolation.Finding.Severity;
import dev.ballast.isolation.Policy.IpBlock;
import dev.ballast.isolation.Policy.Peer;
import dev.ballast.isolation.Policy.PolicyPort;
import dev.ballast.isolation.Policy.Rule;

/**
 * Reduces client-java NetworkPolicies to {@link Policy} records, applying Kubernetes' defaults,
 * and reports what Kubernetes would have refused (bad CIDRs, empty peers, unknown operators)
 * instead of failing: such a peer matches nothing.
 */
final class PolicyReader {

	private final Map<String, Integer> ipBlocks = new LinkedHashMap<>();

	private final List<IpBlock> blocks = new ArrayList<>();

	private final List<Finding> findings = new ArrayList<>();

	private String namespace = "";

	private String name = "";

	List<Policy> read(List<V1NetworkPolicy> policies) {
		List<Policy> read = new ArrayList<>();
		for (V1NetworkPolicy policy : policies) {
			this.namespace = (policy.getMetadata() != null && policy.getMetadata().getNamespace() != null)
					? policy.getMetadata().getNamespace() : "default";
			this.name = (policy.getMetadata() != null && policy.getMetadata().getName() != null)
					? policy.getMetadata().getName() : "?";
			V1NetworkPolicySpec spec = (policy.getSpec() != null) ? policy.getSpec() : new V1NetworkPolicySpec();
			List<Rule> ingress = new ArrayList<>();
			if (spec.getIngress() != null) {
				for (V1NetworkPolicyIngressRule rule : spec.getIngress()) {
					ingress.add(rule(rule.getFrom(), rule.getPorts()));
				}
			}
			List<Rule> egress = new ArrayList<>();
			if (spec.getEgress() != null) {
				for (V1NetworkPolicyEgressRule rule : spec.getEgress()) {
					egress.add(rule(rule.getTo(), rule.getPorts()));
				}
			}
			// policyTypes defaults to ["Ingress"], plus "Egress" when the policy has egress rules.
			List<String> types = spec.getPolicyTypes();
			boolean isolatesIngress = (types == null || types.isEmpty()) || types.contains("Ingress");
			boolean isolatesEgress = (types == null || types.isEmpty()) ? !egress.isEmpty() : types.contains("Egress");
			Selector pods = Selector.of(spec.getPodSelector());
			checkSelector(pods);
			read.add(new Policy(this.namespace, this.name, pods, isolatesIngress, isolatesEgress,
					isolatesIngress ? ingress : List.of(), isolatesEgress ? egress : List.of()));
		}
		return read;
	}

	List<IpBlock> ipBlocks() {
		return this.blocks;
	}

	List<Finding> findings() {
		return this.findings;
	}

	private Rule rule(@Nullable List<V1NetworkPolicyPeer> peers, @Nullable List<V1NetworkPolicyPort> ports) {
		List<Peer> read = new ArrayList<>();
		if (peers != null) {
			for (V1NetworkPolicyPeer peer : peers) {
				read.add(peer(peer));
			}
		}
		List<PolicyPort> readPorts = new ArrayList<>();
		if (ports != null) {
			for (V1NetworkPolicyPort port : ports) {
				readPorts.add(port(port));
			}
		}
		return new Rule(read, readPorts);
	}

	private Peer peer(V1NetworkPolicyPeer peer) {
		V1IPBlock block = peer.getIpBlock();
		if (block != null) {
			if (peer.getPodSelector() != null || peer.getNamespaceSelector() != null) {
				problem("peer-mixed", "");
				return new Peer(null, null, -1, false);
			}
			String cidr = (block.getCidr() != null) ? block.getCidr() : "";
			List<String> except = (block.getExcept() != null) ? block.getExcept() : List.of();
			boolean valid = Cidr.parse(cidr) != null;
			if (!valid) {
				problem("invalid-cidr", cidr);
			}
			for (String exception : except) {
				Cidr parsed = Cidr.parse(exception);
				Cidr outer = Cidr.parse(cidr);
				if (parsed == null || (outer != null && !outer.covers(parsed))) {
					problem("invalid-cidr", exception);
					valid = false;
				}
			}
			return new Peer(null, null, valid ? ipBlock(new IpBlock(cidr, except)) : -1, valid);
		}
		if (peer.getPodSelector() == null && peer.getNamespaceSelector() == null) {
			problem("empty-peer", "");
			return new Peer(null, null, -1, false);
		}
		Selector pods = (peer.getPodSelector() != null) ? Selector.of(peer.getPodSelector()) : null;
		Selector namespaces = (peer.getNamespaceSelector() != null) ? Selector.of(peer.getNamespaceSelector()) : null;
		boolean valid = checkSelector(pods) & checkSelector(namespaces);
		return new Peer(pods, namespaces, -1, valid);
	}

	private PolicyPort port(V1NetworkPolicyPort port) {
		String protocol = (port.getProtocol() != null) ? port.getProtocol() : "TCP";
		IntOrString value = port.getPort();
		int endPort = (port.getEndPort() != null) ? port.getEndPort() : 0;
		if (value == null) {
			return new PolicyPort(protocol, 0, null, 0);
		}
		if (!value.isInteger()) {
			if (endPort > 0) {
				problem("named-end-port", value.getStrValue());
			}
			return new PolicyPort(protocol, 0, value.getStrValue(), 0);
		}
		int number = value.getIntValue();
		if (endPort > 0 && endPort < number) {
			problem("invalid-end-port", number + "-" + endPort);
			endPort = 0;
		}
		return new PolicyPort(protocol, number, null, endPort);
	}

	private boolean checkSelector(@Nullable Selector selector) {
		if (selector == null) {
			return true;
		}
		for (Selector.Requirement requirement : selector.expressions()) {
			if (!requirement.valid()) {
				problem("invalid-selector", requirement.key() + " " + requirement.operator());
				return false;
			}
		}
		return true;
	}

	private int ipBlock(IpBlock block) {
		return this.ipBlocks.computeIfAbsent(block.toString(), (key) -> {
			this.blocks.add(block);
			return this.blocks.size() - 1;
		});
	}

	private void problem(String code, String value) {
		this.findings.add(new Finding(Severity.WARNING, code, this.namespace, this.name, List.of(value)));
	}

}
