package dev.ballast.audit.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

import dev.ballast.checks.CheckDefinition;
import dev.ballast.checks.CheckResult;
import dev.ballast.checks.Finding;
import dev.ballast.checks.Severity;

/**
 * The audit as SARIF 2.1.0, for code scanning (e.g. GitHub): one rule per check with its
 * explanation and docs link, one result per finding with its file and line, exempted findings as
 * suppressed results.
 */
public final class SarifFormat {

	public void write(AuditResult result, PrintStream out) {
		List<Object> rules = new ArrayList<>();
		Map<String, Integer> index = new HashMap<>();
		for (CheckResult check : result.report().results()) {
			CheckDefinition definition = check.check();
			index.put(definition.id(), rules.size());
			Map<String, Object> rule = new LinkedHashMap<>();
			rule.put("id", definition.id());
			rule.put("shortDescription", Map.of("text", AuditResult.TEXTS.title(definition)));
			String why = AuditResult.TEXTS.why(definition);
			rule.put("fullDescription", Map.of("text", why.isEmpty() ? AuditResult.TEXTS.title(definition) : why));
			String fix = AuditResult.TEXTS.fix(definition);
			String example = AuditResult.TEXTS.example(definition);
			rule.put("help", Map.of("text", fix + (example.isEmpty() ? "" : "\n\n" + example), "markdown",
					fix + (example.isEmpty() ? "" : "\n\n```yaml\n" + example + "\n```")));
			rule.put("helpUri", definition.docs());
			rule.put("defaultConfiguration", Map.of("level", level(definition.severity())));
			rule.put("properties", Map.of("category", definition.category().key(), "tags",
					List.of(definition.category().key(), "kubernetes")));
			rules.add(rule);
		}
		List<Object> results = new ArrayList<>();
		for (Finding finding : result.report().findings()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("ruleId", finding.checkId());
			item.put("ruleIndex", index.get(finding.checkId()));
			item.put("level", level(finding.severity()));
			item.put("message", Map.of("text", AuditResult.TEXTS.title(finding.check()) + ": " + finding.subject()
					+ ((finding.container() != null) ? " container " + finding.container() : "") + ", " + finding.path()
					+ " = " + finding.actual()));
			Map<String, Object> location = new LinkedHashMap<>();
			Locations.Location place = result.location(finding);
			if (place != null) {
				location.put("physicalLocation", Map.of("artifactLocation", Map.of("uri", uri(place.file())), "region",
						Map.of("startLine", place.line())));
			}
			location.put("logicalLocations", List.of(Map.of("fullyQualifiedName", finding.subject().toString()
					+ ((finding.container() != null) ? "/" + finding.container() : ""), "kind", "resource")));
			item.put("locations", List.of(location));
			if (finding.exempted() != null) {
				item.put("suppressions", List.of(Map.of("kind", "external", "justification", finding.exempted().reason())));
			}
			results.add(item);
		}
		Map<String, Object> driver = new LinkedHashMap<>();
		driver.put("name", "Ballast");
		driver.put("version", result.version());
		driver.put("informationUri", "https://kubernetes.io/docs/concepts/configuration/overview/");
		driver.put("rules", rules);
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tool", Map.of("driver", driver));
		run.put("results", results);
		run.put("properties", Map.of("score", result.report().cluster().value(), "grade", result.report().cluster().grade()));
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
		root.put("version", "2.1.0");
		root.put("runs", List.of(run));
		out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
	}

	static String level(Severity severity) {
		return switch (severity) {
			case DANGER -> "error";
			case WARNING -> "warning";
			case INFO -> "note";
		};
	}

	private static String uri(String file) {
		Path path = Path.of(file);
		return (path.isAbsolute() ? path.normalize() : path.normalize()).toString().replace('\\', '/');
	}

}
