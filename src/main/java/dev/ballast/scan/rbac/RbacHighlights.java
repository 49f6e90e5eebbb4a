package dev.ballast.scan.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.isolation.RbacFinding;
import dev.ballast.scan.Highlight;
import dev.ballast.scan.Highlights;
import dev.ballast.scan.StoredAnalyses;

/**
 * The RBAC page's risky subjects in the e-mail report: the first {@value #LISTED} subjects (those
 * with a danger first; Kubernetes' own components left out, as on the page), each with its worst
 * risk and how many different risky rights it holds.
 */
@Component
class RbacHighlights implements Highlights.Source {

	static final int LISTED = 5;

	private final StoredAnalyses analyses;

	RbacHighlights(StoredAnalyses analyses) {
		this.analyses = analyses;
	}

	@Override
	public List<Highlight> highlights(long clusterId, String clusterName) {
		StoredAnalyses.Landed<IsolationReport> stored = this.analyses
			.latestDocument(clusterId, IsolationAnalysis.KIND, IsolationAnalysis.VERSION, IsolationReport.class)
			.orElse(null);
		if (stored == null) {
			return List.of();
		}
		Map<String, List<RbacFinding>> bySubject = new LinkedHashMap<>();
		for (RbacFinding finding : stored.document().rbac().findings()) {
			if (!finding.system()) {
				bySubject.computeIfAbsent(finding.subject(), (key) -> new ArrayList<>()).add(finding);
			}
		}
		List<Map.Entry<String, List<RbacFinding>>> subjects = new ArrayList<>(bySubject.entrySet());
		subjects.sort(java.util.Comparator.comparing((Map.Entry<String, List<RbacFinding>> entry) -> worst(entry.getValue())
			.severity()
			.equals("danger") ? 0 : 1));
		String path = "/clusters/" + clusterName + "/isolation/rbac";
		List<Highlight> lines = new ArrayList<>();
		for (Map.Entry<String, List<RbacFinding>> subject : subjects.subList(0, Math.min(LISTED, subjects.size()))) {
			RbacFinding worst = worst(subject.getValue());
			lines.add(new Highlight(Highlight.ISOLATION, worst.severity(), "rbac.highlight.subject",
					List.of(subject.getKey(), new DefaultMessageSourceResolvable("rbac.risk." + worst.risk()),
							subject.getValue().stream().map(RbacFinding::risk).distinct().count()),
					path));
		}
		if (subjects.size() > LISTED) {
			lines.add(new Highlight(Highlight.ISOLATION, "info", "rbac.highlight.more",
					List.of(subjects.size() - LISTED), path));
		}
		return lines;
	}

	private static RbacFinding worst(List<RbacFinding> findings) {
		return findings.stream().filter((finding) -> "danger".equals(finding.severity())).findFirst()
			.orElse(findings.get(0));
	}

}
