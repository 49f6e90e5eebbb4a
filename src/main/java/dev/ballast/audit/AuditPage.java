package dev.ballast.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Finding;
import dev.ballast.checks.Score;
import dev.ballast.checks.Subject;

/**
 * The result of an audit as the page shows it: findings grouped by workload (or other subject).
 *
 * @param outcome what the audit found
 * @param counts counted findings per severity, then exempted ones
 * @param groups findings per subject, in the report's order
 */
record AuditPage(UploadAudit.Outcome outcome, Map<String, Integer> counts, List<Group> groups) {

	static AuditPage of(UploadAudit.Outcome outcome) {
		Map<Subject, List<Finding>> bySubject = new LinkedHashMap<>();
		for (Finding finding : outcome.report().findings()) {
			bySubject.computeIfAbsent(finding.subject(), (subject) -> new ArrayList<>()).add(finding);
		}
		List<Group> groups = new ArrayList<>();
		bySubject.forEach((subject, findings) -> groups
			.add(new Group(subject, outcome.report().workloads().get(subject), List.copyOf(findings))));
		return new AuditPage(outcome, outcome.counts(), List.copyOf(groups));
	}

	public Score score() {
		return this.outcome.report().cluster();
	}

	/**
	 * The findings about one subject.
	 *
	 * @param subject the workload, object, namespace or cluster
	 * @param score the workload's score, {@code null} for other subjects
	 * @param findings its findings, most severe first
	 */
	record Group(Subject subject, @Nullable Score score, List<Finding> findings) {
	}

}
