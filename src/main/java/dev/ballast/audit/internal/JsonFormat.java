package dev.ballast.audit.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Finding;
import dev.ballast.checks.Score;
import dev.ballast.checks.Scoring;
import dev.ballast.checks.Subject;

/**
 * The audit as JSON, for scripts: summary, every finding with its location, scores, warnings.
 */
public final class JsonFormat {

	public void write(AuditResult result, PrintStream out) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("tool", Map.of("name", "ballast", "version", result.version()));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("passed", result.passed());
		summary.put("failure", result.failure());
		summary.put("score", result.report().cluster().value());
		summary.put("grade", result.report().cluster().grade());
		Map<String, Object> counts = new LinkedHashMap<>();
		result.counts().forEach((severity, count) -> counts.put(severity.key(), count));
		counts.put("exempted", result.exempted());
		summary.put("findings", counts);
		summary.put("workloads", result.report().workloads().size());
		summary.put("objects", result.objects());
		summary.put("checks", result.report().results().size());
		root.put("summary", summary);
		root.put("scoring", Scoring.FORMULA);
		List<Object> findings = new ArrayList<>();
		for (Finding finding : result.report().findings()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("check", finding.checkId());
			item.put("title", AuditResult.TEXTS.title(finding.check()));
			item.put("severity", finding.severity().key());
			item.put("category", finding.check().category().key());
			item.put("subject", subject(finding.subject()));
			item.put("container", finding.container());
			item.put("path", finding.path());
			item.put("actual", finding.actual());
			item.put("exempted", (finding.exempted() != null)
					? Map.of("source", finding.exempted().source().name().toLowerCase(java.util.Locale.ROOT), "reason",
							finding.exempted().reason())
					: null);
			Locations.Location location = result.location(finding);
			item.put("location", (location != null) ? Map.of("file", location.file(), "line", location.line()) : null);
			item.put("docs", finding.check().docs());
			findings.add(item);
		}
		root.put("findings", findings);
		List<Object> workloads = new ArrayList<>();
		result.report().workloads().forEach((subject, score) -> {
			Map<String, Object> item = subject(subject);
			item.putAll(score(score));
			workloads.add(item);
		});
		root.put("workloads", workloads);
		Map<String, Object> namespaces = new LinkedHashMap<>();
		result.report().namespaces().forEach((name, score) -> namespaces.put(name, score(score)));
		root.put("namespaces", namespaces);
		root.put("warnings", result.report().warnings());
		out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root));
	}

	private static Map<String, Object> subject(Subject subject) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("kind", subject.kind());
		map.put("namespace", nullIfEmpty(subject.namespace()));
		map.put("name", subject.name());
		return map;
	}

	private static Map<String, Object> score(Score score) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("score", score.value());
		map.put("grade", score.grade());
		map.put("dangers", score.dangers());
		map.put("warnings", score.warnings());
		map.put("exempted", score.exempted());
		return map;
	}

	private static @Nullable String nullIfEmpty(String text) {
		return text.isEmpty() ? null : text;
	}

}
