package dev.ballast.audit.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import dev.ballast.checks.Category;
import dev.ballast.checks.CheckConfiguration;
import dev.ballast.checks.CheckEngine;
import dev.ballast.checks.CustomCheck;
import dev.ballast.checks.Exemption;
import dev.ballast.checks.Severity;

/**
 * The audit's configuration file (YAML): severities and checks turned off, per namespace too,
 * exemption rules, and custom CEL checks, each compiled and tried on its examples before the
 * audit runs. Ballast's default exemptions stay unless {@code defaults: false}.
 *
 * <pre>
 * checks:
 *   cpu-limit-missing: off          # or danger, warning, info
 * namespaces:
 *   batch:
 *     checks:
 *       replicas-below-two: off
 * exemptions:
 *   - checks: [run-as-non-root-unset]
 *     namespace: legacy
 *     kind: Deployment
 *     name: portal
 *     reason: vendor image runs as root
 *     until: 2026-06-30
 * custom:
 *   - id: team-label
 *     title: Workloads carry a team label
 *     category: operations
 *     severity: warning
 *     kinds: [Deployment, StatefulSet]
 *     expression: "has(object.metadata.labels) &amp;&amp; 'team' in object.metadata.labels"
 *     message: add a team label
 *     examples:
 *       pass: {metadata: {labels: {team: shop}}}
 *       fail: {metadata: {labels: {}}}
 * </pre>
 */
public final class ConfigFile {

	private static final Set<String> KEYS = Set.of("checks", "namespaces", "exemptions", "custom", "defaults");

	private ConfigFile() {
	}

	/**
	 * Reads a configuration file.
	 * @param path the file
	 * @param engine the engine, to compile and try custom checks
	 * @param warnings where warnings go (unknown keys)
	 * @return the configuration
	 * @throws UsageException if the file is unreadable or invalid, or a custom check is refused
	 */
	public static CheckConfiguration read(Path path, CheckEngine engine, List<String> warnings) {
		Object root;
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(20);
			options.setNestingDepthLimit(50);
			options.setCodePointLimit(1024 * 1024);
			root = new Yaml(new SafeConstructor(options)).load(reader);
		}
		catch (IOException ex) {
			throw new UsageException("configuration " + path + " cannot be read: " + ex.getMessage());
		}
		catch (YAMLException ex) {
			throw new UsageException("configuration " + path + " is not valid YAML: " + ex.getMessage());
		}
		if (root == null) {
			return CheckConfiguration.defaults();
		}
		Map<String, Object> map = map(root, "the configuration");
		for (String key : map.keySet()) {
			if (!KEYS.contains(key)) {
				warnings.add("configuration " + path + ": unknown key '" + key + "' (ignored)");
			}
		}
		Map<String, Severity> severities = new HashMap<>();
		Set<String> disabled = new HashSet<>();
		checks(map.get("checks"), "checks", severities, disabled);
		Map<String, CheckConfiguration.Overrides> namespaces = new HashMap<>();
		if (map.get("namespaces") != null) {
			map(map.get("namespaces"), "namespaces").forEach((namespace, value) -> {
				Map<String, Severity> nsSeverities = new HashMap<>();
				Set<String> nsDisabled = new HashSet<>();
				checks(map(value, "namespaces." + namespace).get("checks"), "namespaces." + namespace + ".checks",
						nsSeverities, nsDisabled);
				namespaces.put(namespace, new CheckConfiguration.Overrides(nsSeverities, nsDisabled));
			});
		}
		List<Exemption> exemptions = new ArrayList<>();
		List<Object> rules = list(map.get("exemptions"), "exemptions");
		for (int i = 0; i < rules.size(); i++) {
			exemptions.add(exemption(map(rules.get(i), "exemptions[" + i + "]"), "exemptions[" + i + "]"));
		}
		List<CustomCheck> custom = new ArrayList<>();
		List<Object> definitions = list(map.get("custom"), "custom");
		for (int i = 0; i < definitions.size(); i++) {
			custom.add(custom(map(definitions.get(i), "custom[" + i + "]"), "custom[" + i + "]", engine));
		}
		CheckConfiguration file = new CheckConfiguration(severities, disabled, namespaces, exemptions, custom);
		boolean defaults = !Boolean.FALSE.equals(map.get("defaults"));
		return defaults ? CheckConfiguration.defaults().with(file) : file;
	}

	private static void checks(@Nullable Object value, String where, Map<String, Severity> severities,
			Set<String> disabled) {
		if (value == null) {
			return;
		}
		map(value, where).forEach((id, setting) -> {
			String text = String.valueOf(setting).trim();
			if (Boolean.FALSE.equals(setting) || text.equalsIgnoreCase("off") || text.equalsIgnoreCase("disabled")) {
				disabled.add(id);
				return;
			}
			Severity severity = Severity.parse(text);
			if (severity == null) {
				throw new UsageException(where + "." + id + ": '" + text + "' is not danger, warning, info or off");
			}
			severities.put(id, severity);
		});
	}

	private static Exemption exemption(Map<String, Object> rule, String where) {
		Set<String> checks = new LinkedHashSet<>();
		Object value = rule.get("checks");
		if (value instanceof String text) {
			for (String id : text.split("[,\\s]+")) {
				if (!id.isBlank()) {
					checks.add(id.trim());
				}
			}
		}
		else {
			list(value, where + ".checks").forEach((id) -> checks.add(String.valueOf(id)));
		}
		if (checks.isEmpty()) {
			throw new UsageException(where + ": name the exempted checks (a list of ids, or all)");
		}
		Object reason = rule.get("reason");
		if (reason == null || String.valueOf(reason).isBlank()) {
			throw new UsageException(where + ": give a reason");
		}
		return new Exemption(checks, text(rule.get("namespace")), text(rule.get("kind")), text(rule.get("name")),
				String.valueOf(reason), text(rule.get("by")), until(rule.get("until"), where));
	}

	private static CustomCheck custom(Map<String, Object> definition, String where, CheckEngine engine) {
		String id = text(definition.get("id"));
		if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new UsageException(where + ": id must be kebab-case, e.g. team-label");
		}
		String expression = text(definition.get("expression"));
		if (expression == null) {
			throw new UsageException(where + " (" + id + "): expression is missing");
		}
		Category category = (definition.get("category") != null) ? Category.parse(text(definition.get("category")))
				: Category.OPERATIONS;
		if (category == null) {
			throw new UsageException(where + " (" + id + "): unknown category '" + definition.get("category") + "'");
		}
		Severity severity = (definition.get("severity") != null) ? Severity.parse(text(definition.get("severity")))
				: Severity.WARNING;
		if (severity == null) {
			throw new UsageException(where + " (" + id + "): unknown severity '" + definition.get("severity") + "'");
		}
		Set<String> kinds = new LinkedHashSet<>();
		list(definition.get("kinds"), where + ".kinds").forEach((kind) -> kinds.add(String.valueOf(kind)));
		String title = text(definition.get("title"));
		CustomCheck custom = new CustomCheck(id, category, severity, (title != null) ? title : id, expression,
				text(definition.get("message")), kinds);
		try {
			engine.compile(custom);
		}
		catch (dev.ballast.checks.InvalidExpressionException ex) {
			throw new UsageException(where + ": " + ex.getMessage());
		}
		if (definition.get("examples") != null) {
			Map<String, Object> examples = map(definition.get("examples"), where + ".examples");
			example(engine, custom, examples.get("pass"), true, where);
			example(engine, custom, examples.get("fail"), false, where);
		}
		return custom;
	}

	private static void example(CheckEngine engine, CustomCheck custom, @Nullable Object sample, boolean passes,
			String where) {
		if (sample == null) {
			return;
		}
		CheckEngine.Trial trial = engine.trial(custom, map(sample, where + ".examples"), null);
		String which = passes ? "pass" : "fail";
		if (trial.error() != null) {
			throw new UsageException(where + " (" + custom.id() + "): cannot be evaluated on its " + which + " example: "
					+ trial.error());
		}
		if (trial.passed() != passes) {
			throw new UsageException(where + " (" + custom.id() + "): its " + which + " example "
					+ (passes ? "fails" : "passes"));
		}
	}

	private static @Nullable Instant until(@Nullable Object value, String where) {
		if (value == null) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		String text = String.valueOf(value);
		try {
			return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
					: Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new UsageException(where + ".until: '" + text + "' is not a date (2026-06-30) or instant");
		}
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(@Nullable Object value, String where) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new UsageException(where + " must be a mapping");
		}
		Map<String, Object> result = new java.util.LinkedHashMap<>();
		((Map<Object, Object>) map).forEach((key, item) -> result.put(String.valueOf(key), item));
		return result;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(@Nullable Object value, String where) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new UsageException(where + " must be a list");
		}
		return (List<Object>) list;
	}

}
