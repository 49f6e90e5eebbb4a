package dev.ballast.scan.rbac;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.ballast.isolation.RbacFinding;
import dev.ballast.isolation.RbacReport;
import dev.ballast.scan.Highlight;
import dev.ballast.scan.Highlights;

/**
 * The RBAC page's risky subjects in the e-mail report: the first {@value #LISTED} subjects (those
 * with a danger first; Kubernetes' own components left out, as on the page), each with its worst
 * risk and how many different risky rights it holds. Read from the isolation document the
 * reachability highlights read too, so the report loads it once.
 */
public final class RbacHighlights {

	static final int LISTED = 5;

	private RbacHighlights() {
	}

	/**
	 * The lines of a cluster's RBAC analysis.
	 * @param rbac the RBAC part of the stored isolation document
	 * @param clusterName the cluster's name
	 * @return the lines, danger first
	 */
	public static List<Highlight> of(RbacReport rbac, String clusterName) {
		Map<String, List<RbacFinding>> bySubject = new LinkedHashMap<>();
		for (RbacFinding finding : rbac.findings()) {
			if (!finding.system()) {
				bySubject.computeIfAbsent(finding.subject(), (key) -> new ArrayList<>()).add(finding);
			}
		}
		List<Map.Entry<String, List<RbacFinding>>> subjects = new ArrayList<>(bySubject.entrySet());
		subjects.sort(Comparator.comparing((Map.Entry<String, List<RbacFinding>> entry) -> worst(entry.getValue())
			.severity()
			.equals("danger") ? 0 : 1));
		String path = "/clusters/" + clusterName + "/isolation/rbac";
		List<Highlight> lines = new ArrayList<>();
		for (Map.Entry<String, List<RbacFinding>> subject : subjects) {
			RbacFinding worst = worst(subject.getValue());
			lines.add(new Highlight(Highlight.ISOLATION, worst.severity(), "rbac.highlight.subject",
					List.of(subject.getKey(), new DefaultMessageSourceResolvable("rbac.risk." + worst.risk()),
							subject.getValue().stream().map(RbacFinding::risk).distinct().count()),
					path));
		}
		return Highlights.firstOf(lines, LISTED, "rbac.highlight.more");
	}

	private static RbacFinding worst(List<RbacFinding> findings) {
		return findings.stream().filter((finding) -> "danger".equals(finding.severity())).findFirst()
			.orElse(findings.get(0));
	}

}
