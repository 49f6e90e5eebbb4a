package dev.ballast.checks;

import java.util.List;
import java.util.Map;

/**
 * What the engine found in one snapshot: every finding (exempted ones marked), how each check
 * did, the scores, and warnings about the configuration or the snapshot (unknown check ids,
 * custom checks that failed to evaluate, kinds that could not be read).
 *
 * @param findings findings, ordered by subject, then severity, then check
 * @param results one per check, in catalogue order
 * @param workloads score per workload
 * @param namespaces score per namespace
 * @param cluster the cluster's score
 * @param warnings warnings, in English
 */
public record CheckReport(List<Finding> findings, List<CheckResult> results, Map<Subject, Score> workloads,
		Map<String, Score> namespaces, Score cluster, List<String> warnings) {

	public CheckReport {
		findings = List.copyOf(findings);
		results = List.copyOf(results);
		workloads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(workloads));
		namespaces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(namespaces));
		warnings = List.copyOf(warnings);
	}

	/**
	 * The findings that count (not exempted).
	 * @return the counted findings
	 */
	public List<Finding> counted() {
		return this.findings.stream().filter(Finding::counts).toList();
	}

}
