package dev.ballast.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How checks run for one cluster: severities changed, checks turned off (for the cluster or per
 * namespace), exemption rules and custom CEL checks. Plain data, so a stored configuration (per
 * cluster, per namespace, with history) and a configuration file become the same value. Ids that
 * name no check are reported as warnings when the engine runs, never as errors.
 *
 * @param severities severity per check id, replacing the default
 * @param disabled check ids that do not run
 * @param namespaces overrides per namespace, applied after the cluster-wide ones
 * @param exemptions exemption rules
 * @param custom custom CEL checks
 */
public record CheckConfiguration(Map<String, Severity> severities, Set<String> disabled,
		Map<String, Overrides> namespaces, List<Exemption> exemptions, List<CustomCheck> custom) {

	/** The reason of the built-in exemptions for the cluster's own plumbing. */
	public static final String SYSTEM_REASON = "kube-system runs the cluster's own plumbing (network plugin, kube-proxy, DNS),"
			+ " which needs host access and has no tenant guard rails; default exemption";

	private static final List<Exemption> SYSTEM_EXEMPTIONS = List.of(new Exemption(
			Set.of("host-network", "host-pid", "host-ipc", "host-path-volume", "host-port", "privileged",
					"capabilities-dangerous", "run-as-root", "run-as-non-root-unset", "root-filesystem-writable",
					"network-policy-missing", "network-policy-default-deny-missing", "limit-range-missing",
					"resource-quota-missing", "tolerates-all-taints"),
			"kube-system", null, null, SYSTEM_REASON, "ballast", null));

	public CheckConfiguration {
		severities = Map.copyOf(severities);
		disabled = Set.copyOf(disabled);
		namespaces = Map.copyOf(namespaces);
		exemptions = List.copyOf(exemptions);
		custom = List.copyOf(custom);
	}

	/**
	 * Nothing changed and nothing exempted, not even the cluster's own components.
	 * @return the empty configuration
	 */
	public static CheckConfiguration none() {
		return new CheckConfiguration(Map.of(), Set.of(), Map.of(), List.of(), List.of());
	}

	/**
	 * The defaults: catalogue severities, every check on, and the cluster's own plumbing in
	 * {@code kube-system} exempted from host-access and guard-rail checks (visible as exempted).
	 * @return the default configuration
	 */
	public static CheckConfiguration defaults() {
		return new CheckConfiguration(Map.of(), Set.of(), Map.of(), SYSTEM_EXEMPTIONS, List.of());
	}

	/**
	 * The effective severity of a check in a namespace.
	 * @param check the check
	 * @param namespace the namespace ({@code ""} for cluster-scoped subjects)
	 * @return the severity
	 */
	public Severity severity(CheckDefinition check, String namespace) {
		Overrides overrides = this.namespaces.get(namespace);
		if (overrides != null && overrides.severities().containsKey(check.id())) {
			return overrides.severities().get(check.id());
		}
		return this.severities.getOrDefault(check.id(), check.severity());
	}

	/**
	 * Whether a check runs in a namespace.
	 * @param checkId the check id
	 * @param namespace the namespace ({@code ""} for cluster-scoped subjects)
	 * @return {@code true} if it runs
	 */
	public boolean enabled(String checkId, String namespace) {
		if (this.disabled.contains(checkId)) {
			return false;
		}
		Overrides overrides = this.namespaces.get(namespace);
		return overrides == null || !overrides.disabled().contains(checkId);
	}

	/**
	 * Every check id this configuration names, for warning about unknown ones.
	 * @return the ids, with where each is named
	 */
	public Map<String, String> namedIds() {
		Map<String, String> ids = new HashMap<>();
		this.severities.keySet().forEach((id) -> ids.putIfAbsent(id, "severities"));
		this.disabled.forEach((id) -> ids.putIfAbsent(id, "disabled checks"));
		this.namespaces.forEach((namespace, overrides) -> {
			overrides.severities().keySet().forEach((id) -> ids.putIfAbsent(id, "namespace " + namespace));
			overrides.disabled().forEach((id) -> ids.putIfAbsent(id, "namespace " + namespace));
		});
		for (Exemption exemption : this.exemptions) {
			exemption.checks().stream().filter((id) -> !Exemption.ALL.equals(id))
				.forEach((id) -> ids.putIfAbsent(id, "exemptions"));
		}
		return ids;
	}

	/**
	 * This configuration with another on top: its severities, disabled checks and namespace
	 * overrides win, its exemptions and custom checks are added.
	 * @param other the configuration to apply
	 * @return the merged configuration
	 */
	public CheckConfiguration with(CheckConfiguration other) {
		Map<String, Severity> severities = new HashMap<>(this.severities);
		severities.putAll(other.severities);
		Set<String> disabled = new HashSet<>(this.disabled);
		disabled.addAll(other.disabled);
		Map<String, Overrides> namespaces = new HashMap<>(this.namespaces);
		namespaces.putAll(other.namespaces);
		List<Exemption> exemptions = new ArrayList<>(this.exemptions);
		exemptions.addAll(other.exemptions);
		List<CustomCheck> custom = new ArrayList<>(this.custom);
		custom.addAll(other.custom);
		return new CheckConfiguration(severities, disabled, namespaces, exemptions, custom);
	}

	/**
	 * Severities and disabled checks for one namespace.
	 *
	 * @param severities severity per check id
	 * @param disabled check ids that do not run in the namespace
	 */
	public record Overrides(Map<String, Severity> severities, Set<String> disabled) {

		public Overrides {
			severities = Map.copyOf(severities);
			disabled = Set.copyOf(disabled);
		}

	}

}
