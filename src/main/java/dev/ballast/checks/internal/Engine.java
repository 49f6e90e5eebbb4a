package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.CheckConfiguration;
import dev.ballast.checks.CheckDefinition;
import dev.ballast.checks.CheckReport;
import dev.ballast.checks.CheckResult;
import dev.ballast.checks.Exempted;
import dev.ballast.checks.Finding;
import dev.ballast.checks.Subject;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Gap;

/**
 * One run of checks over a snapshot: configuration applied (severities, checks turned off,
 * exemptions), every finding kept, scores computed. A check that throws is reported as a warning
 * and the run goes on.
 */
public final class Engine {

	private Engine() {
	}

	/**
	 * Runs checks.
	 * @param checks the checks (built-in and compiled custom ones)
	 * @param snapshot the snapshot
	 * @param configuration the configuration
	 * @param warnings warnings so far (e.g. custom checks that did not compile); more are added
	 * @return the report
	 */
	public static CheckReport run(List<Check> checks, ClusterSnapshot snapshot, CheckConfiguration configuration,
			List<String> warnings) {
		Index index = new Index(snapshot);
		Set<String> known = new LinkedHashSet<>();
		checks.forEach((check) -> known.add(check.definition().id()));
		configuration.namedIds().forEach((id, where) -> {
			if (!known.contains(id)) {
				warnings.add("configuration (" + where + ") names unknown check '" + id + "' (ignored)");
			}
		});
		Exemptions exemptions = new Exemptions(index, configuration, known, warnings);
		exemptions.validate(subjects(index));
		List<Finding> findings = new ArrayList<>();
		List<CheckResult> results = new ArrayList<>();
		for (Check check : checks) {
			results.add(run(check, index, configuration, exemptions, findings, warnings));
		}
		return Scorer.report(index, order(findings), results, warnings);
	}

	/** By subject, then severity, then catalogue order (the order checks ran in): grouped first, sorted small. */
	private static List<Finding> order(List<Finding> findings) {
		Map<Subject, List<Finding>> bySubject = new HashMap<>();
		for (Finding finding : findings) {
			bySubject.computeIfAbsent(finding.subject(), (key) -> new ArrayList<>()).add(finding);
		}
		List<Subject> subjects = new ArrayList<>(bySubject.keySet());
		subjects.sort(null);
		List<Finding> ordered = new ArrayList<>(findings.size());
		for (Subject subject : subjects) {
			List<Finding> group = bySubject.get(subject);
			group.sort(Comparator.comparing(Finding::severity)); // stable: keeps the catalogue order
			ordered.addAll(group);
		}
		return ordered;
	}

	private static CheckResult run(Check check, Index index, CheckConfiguration configuration, Exemptions exemptions,
			List<Finding> findings, List<String> warnings) {
		CheckDefinition definition = check.definition();
		if (configuration.disabled().contains(definition.id())) {
			return new CheckResult(definition, 0, 0, 0, "turned off in the configuration");
		}
		for (String kind : definition.requires()) {
			Gap gap = index.snapshot().gap(kind);
			if (gap != null) {
				return new CheckResult(definition, 0, 0, 0,
						kind + " could not be read (" + gap.reason().name().toLowerCase(java.util.Locale.ROOT) + ")");
			}
		}
		Collector collector = new Collector(definition, configuration, exemptions, findings);
		try {
			check.rule().run(index, collector);
		}
		catch (RuntimeException ex) {
			warnings.add("check " + definition.id() + " failed and was skipped: " + ex);
			return new CheckResult(definition, collector.checked, collector.failed, collector.exempted, "failed: " + ex);
		}
		return new CheckResult(definition, collector.checked, collector.failed, collector.exempted, null);
	}

	private static List<Subject> subjects(Index index) {
		List<Subject> subjects = new ArrayList<>();
		ClusterSnapshot snapshot = index.snapshot();
		snapshot.namespaces().forEach((namespace) -> subjects.add(new Subject("Namespace", "", namespace.name())));
		snapshot.workloads().forEach((workload) -> subjects.add(Index.subject(workload)));
		snapshot.services().forEach((service) -> subjects.add(new Subject("Service", service.namespace(), service.name())));
		snapshot.nodes().forEach((node) -> subjects.add(new Subject("Node", "", node.name())));
		return subjects;
	}

	/** Turns one check's failures into findings. */
	private static final class Collector implements Sink {

		private final CheckDefinition definition;

		private final CheckConfiguration configuration;

		private final Exemptions exemptions;

		private final List<Finding> findings;

		private int checked;

		private int failed;

		private int exempted;

		Collector(CheckDefinition definition, CheckConfiguration configuration, Exemptions exemptions,
				List<Finding> findings) {
			this.definition = definition;
			this.configuration = configuration;
			this.exemptions = exemptions;
			this.findings = findings;
		}

		@Override
		public boolean enabled(String namespace) {
			return this.configuration.enabled(this.definition.id(), namespace);
		}

		@Override
		public void checked() {
			this.checked++;
		}

		@Override
		public void fail(Subject subject, @Nullable String container, String path, String actual) {
			String namespace = subject.kind().equals("Namespace") ? subject.name() : subject.namespace();
			Exempted exempted = this.exemptions.exempted(this.definition.id(), subject);
			if (exempted == null) {
				this.failed++;
			}
			else {
				this.exempted++;
			}
			this.findings.add(new Finding(this.definition, this.configuration.severity(this.definition, namespace), subject,
					container, path, actual, exempted));
		}

	}

}
