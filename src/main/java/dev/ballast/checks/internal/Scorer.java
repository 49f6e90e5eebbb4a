package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.ballast.checks.CheckReport;
import dev.ballast.checks.CheckResult;
import dev.ballast.checks.Finding;
import dev.ballast.checks.Score;
import dev.ballast.checks.Scoring;
import dev.ballast.checks.Severity;
import dev.ballast.checks.Subject;
import dev.ballast.snapshot.Namespace;
import dev.ballast.snapshot.Workload;

/**
 * Scores per workload, namespace and cluster, by the formula of {@link Scoring}.
 */
final class Scorer {

	private Scorer() {
	}

	static CheckReport report(Index index, List<Finding> findings, List<CheckResult> results, List<String> warnings) {
		Map<Subject, Tally> tallies = new HashMap<>();
		Map<String, Tally> namespaceOwn = new HashMap<>();
		Tally clusterOwn = new Tally();
		Set<Subject> workloadSubjects = new java.util.HashSet<>();
		for (Workload workload : index.snapshot().workloads()) {
			workloadSubjects.add(Index.subject(workload));
		}
		for (Finding finding : findings) {
			Subject subject = finding.subject();
			Tally tally;
			if (workloadSubjects.contains(subject)) {
				tally = tallies.computeIfAbsent(subject, (key) -> new Tally());
			}
			else if (subject.kind().equals("Namespace")) {
				tally = namespaceOwn.computeIfAbsent(subject.name(), (key) -> new Tally());
			}
			else if (!subject.namespace().isEmpty()) {
				tally = namespaceOwn.computeIfAbsent(subject.namespace(), (key) -> new Tally());
			}
			else {
				tally = clusterOwn;
			}
			tally.add(finding);
		}
		Map<Subject, Score> workloads = new LinkedHashMap<>();
		Map<String, List<Integer>> byNamespace = new TreeMap<>();
		for (Workload workload : index.snapshot().workloads()) {
			Subject subject = Index.subject(workload);
			Score score = tallies.getOrDefault(subject, new Tally()).score(100);
			workloads.put(subject, score);
			byNamespace.computeIfAbsent(workload.namespace(), (key) -> new ArrayList<>()).add(score.value());
		}
		Set<String> names = new TreeSet<>(byNamespace.keySet());
		index.snapshot().namespaces().stream().map(Namespace::name).forEach(names::add);
		names.addAll(namespaceOwn.keySet());
		Map<String, Score> namespaces = new LinkedHashMap<>();
		double weighted = 0;
		double weights = 0;
		for (String name : names) {
			List<Integer> values = byNamespace.getOrDefault(name, List.of());
			double base = values.isEmpty() ? 100 : values.stream().mapToInt(Integer::intValue).average().orElse(100);
			Score score = namespaceOwn.getOrDefault(name, new Tally()).score(base);
			namespaces.put(name, score);
			double weight = Math.max(1, values.size());
			weighted += weight * score.value();
			weights += weight;
		}
		Score cluster = clusterOwn.score((weights > 0) ? weighted / weights : 100);
		return new CheckReport(findings, results, workloads, namespaces, cluster, warnings);
	}

	/** Distinct failing checks by severity on one subject or group, and exempted findings. */
	private static final class Tally {

		private final Set<String> dangers = new TreeSet<>();

		private final Set<String> warnings = new TreeSet<>();

		private int exempted;

		void add(Finding finding) {
			if (!finding.counts()) {
				this.exempted++;
			}
			else if (finding.severity() == Severity.DANGER) {
				this.dangers.add(finding.checkId());
			}
			else if (finding.severity() == Severity.WARNING) {
				this.warnings.add(finding.checkId());
			}
		}

		Score score(double base) {
			return Scoring.score(Scoring.apply(base, this.dangers.size(), this.warnings.size()), this.dangers.size(),
					this.warnings.size(), this.exempted);
		}

	}

}
