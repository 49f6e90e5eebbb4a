package dev.ballast.scan.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ballast.isolation.RbacFinding;
import dev.ballast.isolation.RbacReport;
import dev.ballast.isolation.RbacSubject;

/**
 * What the page shows of a report: the findings (Kubernetes' own subjects left out unless asked),
 * one row per risky subject, and the counts of the head.
 *
 * @param findings the findings shown
 * @param risky one row per subject with findings, most dangerous first
 * @param subjects every subject with its number of grants and risks
 * @param hiddenSystem how many findings of Kubernetes' own subjects are hidden
 * @param dangerSubjects subjects with at least one danger finding (shown)
 * @param clusterAdmins subjects holding {@code *} on {@code *} cluster-wide, Kubernetes' own (such as
 * {@code system:masters}) left out
 */
record RbacView(List<RbacFinding> findings, List<RiskySubject> risky, List<SubjectRow> subjects, int hiddenSystem,
		long dangerSubjects, long clusterAdmins) {

	static RbacView of(RbacReport report, boolean showSystem) {
		List<RbacFinding> shown = report.findings().stream().filter((f) -> showSystem || !f.system()).toList();
		Map<String, List<RbacFinding>> bySubject = new LinkedHashMap<>();
		shown.forEach((f) -> bySubject.computeIfAbsent(f.subject(), (s) -> new ArrayList<>()).add(f));
		List<RiskySubject> risky = new ArrayList<>();
		bySubject.forEach((subject, findings) -> risky.add(new RiskySubject(subject,
				findings.stream().map(RbacFinding::risk).distinct().toList(),
				findings.stream().filter((f) -> "danger".equals(f.severity())).count(), findings.get(0).system())));
		risky.sort((a, b) -> Long.compare(b.danger(), a.danger()) != 0 ? Long.compare(b.danger(), a.danger())
				: a.subject().compareTo(b.subject()));
		Map<String, Long> counts = report.findings().stream()
			.collect(Collectors.groupingBy(RbacFinding::subject, Collectors.counting()));
		List<SubjectRow> subjects = report.subjects().stream()
			.map((s) -> new SubjectRow(s, counts.getOrDefault(s.ref(), 0L)))
			.toList();
		long admins = report.findings().stream().filter((f) -> !f.system() && "cluster-admin".equals(f.risk()))
			.map(RbacFinding::subject).distinct().count();
		return new RbacView(shown, risky, subjects, report.findings().size() - shown.size(),
				risky.stream().filter((r) -> r.danger() > 0).count(), admins);
	}

	/**
	 * A risky subject.
	 *
	 * @param subject the reference
	 * @param risks its risk ids
	 * @param danger its number of danger findings
	 * @param system one of Kubernetes' own
	 */
	record RiskySubject(String subject, List<String> risks, long danger, boolean system) {
	}

	/**
	 * A subject and its number of findings.
	 *
	 * @param subject the subject
	 * @param findings its number of findings
	 */
	record SubjectRow(RbacSubject subject, long findings) {
	}

}
