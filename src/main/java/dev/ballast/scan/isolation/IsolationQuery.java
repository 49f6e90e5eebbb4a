package dev.ballast.scan.isolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.ballast.isolation.NamespacePosture;
import dev.ballast.isolation.NetworkIsolation;
import dev.ballast.isolation.NetworkIsolation.NamedPort;
import dev.ballast.isolation.NetworkIsolation.PodGroup;
import dev.ballast.isolation.Policy;
import dev.ballast.isolation.Reachability.Port;

/**
 * The parameters of the isolation pages and API, checked: a port and protocol, the namespaces of
 * the matrix. Errors are collected by parameter as message codes, so the page shows them beside
 * the field and the API answers 400.
 *
 * @param port the port (the default when the given one is invalid)
 * @param errors message codes by parameter name
 */
record IsolationQuery(Port port, Map<String, String> errors) {

	static final Port DEFAULT = new Port("TCP", 80);

	static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");

	/** The most namespaces a matrix shows; the page and the API pick others with {@code ns}. */
	static final int MATRIX_NAMESPACES = 40;

	/** The most pod groups a group matrix shows. */
	static final int MATRIX_GROUPS = 60;

	/** The most group pairs "can A reach B" lists. */
	static final int REACH_ROWS = 200;

	static IsolationQuery of(@Nullable String port, @Nullable String protocol) {
		Map<String, String> errors = new LinkedHashMap<>();
		int number = DEFAULT.number();
		if (port != null && !port.isBlank()) {
			try {
				number = Integer.parseInt(port.trim());
			}
			catch (NumberFormatException ex) {
				number = 0;
			}
			if (number < 1 || number > 65535) {
				errors.put("port", "isolation.error.port");
				number = DEFAULT.number();
			}
		}
		String chosen = DEFAULT.protocol();
		if (protocol != null && !protocol.isBlank()) {
			chosen = protocol.trim().toUpperCase(Locale.ROOT);
			if (!PROTOCOLS.contains(chosen)) {
				errors.put("protocol", "isolation.error.protocol");
				chosen = DEFAULT.protocol();
			}
		}
		return new IsolationQuery(new Port(chosen, number), errors);
	}

	/**
	 * Checks a namespace parameter.
	 * @param network the analysis
	 * @param parameter the parameter's name
	 * @param namespace its value
	 */
	void namespace(NetworkIsolation network, String parameter, @Nullable String namespace) {
		if (namespace == null || namespace.isBlank()) {
			this.errors.put(parameter, "isolation.error.namespace.missing");
		}
		else if (network.namespace(namespace) == null) {
			this.errors.put(parameter, "isolation.error.namespace.unknown");
		}
	}

	/**
	 * The namespaces a matrix shows: the ones asked for that exist, else those with pods, the
	 * {@value #MATRIX_NAMESPACES} with the most pods when there are more.
	 * @param network the analysis
	 * @param requested {@code ns} parameters
	 * @return the names, sorted
	 */
	static List<String> matrixNamespaces(NetworkIsolation network, @Nullable List<String> requested) {
		List<NamespacePosture> candidates = new ArrayList<>();
		for (NamespacePosture posture : network.namespaces()) {
			boolean asked = requested != null && !requested.isEmpty() && requested.contains(posture.name());
			if (asked || ((requested == null || requested.isEmpty()) && posture.groups() > 0)) {
				candidates.add(posture);
			}
		}
		candidates.sort(Comparator.comparingInt(NamespacePosture::pods).reversed());
		return candidates.stream()
			.limit(MATRIX_NAMESPACES)
			.map(NamespacePosture::name)
			.sorted()
			.toList();
	}

	/**
	 * The groups of a group matrix: those of the namespaces asked for, at most {@value #MATRIX_GROUPS}.
	 * @param network the analysis
	 * @param namespaces the namespaces
	 * @return the groups' indexes
	 */
	static List<Integer> matrixGroups(NetworkIsolation network, List<String> namespaces) {
		List<Integer> groups = new ArrayList<>();
		for (int i = 0; i < network.groups().size() && groups.size() < MATRIX_GROUPS; i++) {
			if (namespaces.contains(network.groups().get(i).namespace())) {
				groups.add(i);
			}
		}
		return groups;
	}

	/**
	 * Ports worth a look: the numbers policies name and the named ports they resolve to.
	 * @param network the analysis
	 * @return up to twelve ports
	 */
	static List<Port> suggestedPorts(NetworkIsolation network) {
		TreeSet<String> seen = new TreeSet<>();
		List<Port> ports = new ArrayList<>();
		ports.add(DEFAULT);
		seen.add(DEFAULT.toString());
		for (Policy policy : network.policies()) {
			List<Policy.Rule> rules = new ArrayList<>(policy.ingressRules());
			rules.addAll(policy.egressRules());
			for (Policy.Rule rule : rules) {
				for (Policy.PolicyPort port : rule.ports()) {
					if (port.port() > 0 && seen.add(new Port(port.protocol(), port.port()).toString())) {
						ports.add(new Port(port.protocol(), port.port()));
					}
				}
			}
		}
		for (PodGroup group : network.groups()) {
			for (NamedPort named : group.ports()) {
				if (seen.add(new Port(named.protocol(), named.port()).toString())) {
					ports.add(new Port(named.protocol(), named.port()));
				}
			}
		}
		return ports.stream().limit(12).toList();
	}

}
