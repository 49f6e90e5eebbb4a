package dev.ballast.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored check configuration (settings, exemptions and custom checks edited in the UI and the
 * API) as the engine takes it: {@link #configurationFor(String)} for a scan of one cluster. Rows
 * naming a check that does not exist (any more) are logged as warnings and skipped; expired and
 * revoked exemptions do not apply.
 */
@Service
public class CheckSettings {

	private static final Logger logger = LoggerFactory.getLogger(CheckSettings.class);

	private final SettingStore settings;

	private final ExemptionStore exemptions;

	private final CustomCheckStore custom;

	CheckSettings(SettingStore settings, ExemptionStore exemptions, CustomCheckStore custom) {
		this.settings = settings;
		this.exemptions = exemptions;
		this.custom = custom;
	}

	/**
	 * The configuration of a scan of one cluster: the defaults (with the {@code kube-system}
	 * exemptions), then the settings for every cluster, then this cluster's own; namespace
	 * settings after cluster-wide ones; active exemptions for every cluster or this one; enabled
	 * custom checks.
	 * @param cluster the cluster's name
	 * @return the configuration
	 */
	@Transactional(readOnly = true)
	public CheckConfiguration configurationFor(String cluster) {
		List<CustomCheckStore.StoredCustomCheck> stored = this.custom.all();
		Set<String> known = KnownChecks.builtIn();
		stored.forEach((check) -> known.add(check.id()));
		Map<String, Severity> severities = new HashMap<>();
		Set<String> disabled = new HashSet<>();
		Map<String, Map<String, Severity>> namespaceSeverities = new HashMap<>();
		Map<String, Set<String>> namespaceDisabled = new HashMap<>();
		List<SettingStore.StoredSetting> rows = new ArrayList<>(this.settings.all()
			.stream()
			.filter((row) -> applies(row.cluster(), cluster))
			.filter((row) -> known(known, row.checkId(), "setting " + row.id()))
			.toList());
		rows.sort(Comparator.comparing((SettingStore.StoredSetting row) -> !"*".equals(row.cluster()))
			.thenComparing((row) -> row.namespace() != null));
		for (SettingStore.StoredSetting row : rows) {
			Severity severity = Severity.parse(row.setting());
			Map<String, Severity> severityMap = (row.namespace() == null) ? severities
					: namespaceSeverities.computeIfAbsent(row.namespace(), (key) -> new HashMap<>());
			Set<String> disabledSet = (row.namespace() == null) ? disabled
					: namespaceDisabled.computeIfAbsent(row.namespace(), (key) -> new HashSet<>());
			if (severity == null) {
				disabledSet.add(row.checkId());
			}
			else {
				severityMap.put(row.checkId(), severity);
				disabledSet.remove(row.checkId());
			}
		}
		Map<String, CheckConfiguration.Overrides> namespaces = new HashMap<>();
		Set<String> touched = new HashSet<>(namespaceSeverities.keySet());
		touched.addAll(namespaceDisabled.keySet());
		touched.forEach((namespace) -> namespaces.put(namespace, new CheckConfiguration.Overrides(
				namespaceSeverities.getOrDefault(namespace, Map.of()), namespaceDisabled.getOrDefault(namespace, Set.of()))));
		List<Exemption> rules = this.exemptions.all()
			.stream()
			.filter((row) -> "active".equals(row.status()) && applies(row.cluster(), cluster))
			.filter((row) -> Exemption.ALL.equals(row.checkId()) || known(known, row.checkId(), "exemption " + row.id()))
			.map(ExemptionStore.StoredExemption::rule)
			.toList();
		List<CustomCheck> checks = stored.stream()
			.filter(CustomCheckStore.StoredCustomCheck::enabled)
			.map(CustomCheckStore.StoredCustomCheck::check)
			.toList();
		return CheckConfiguration.defaults()
			.with(new CheckConfiguration(severities, disabled, namespaces, rules, checks));
	}

	/**
	 * Every check a finding may name: the built-in catalogue in catalogue order, then the stored
	 * custom checks (enabled or not) by id.
	 * @return the checks
	 */
	@Transactional(readOnly = true)
	public List<CheckDefinition> checks() {
		List<CheckDefinition> checks = new ArrayList<>(CheckEngine.standard().catalogue());
		this.custom.all().forEach((stored) -> checks.add(stored.check().definition()));
		return checks;
	}

	private static boolean applies(String rowCluster, String cluster) {
		return "*".equals(rowCluster) || rowCluster.equals(cluster);
	}

	private static boolean known(Set<String> known, String checkId, String where) {
		if (!known.contains(checkId)) {
			logger.warn("Stored check configuration ({}) names unknown check '{}'; skipped", where, checkId);
			return false;
		}
		return true;
	}

}
