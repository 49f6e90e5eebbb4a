package dev.ballast.scan.isolation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import dev.ballast.isolation.Finding;
import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.scan.Highlight;
import dev.ballast.scan.Highlights;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.rbac.RbacHighlights;

/**
 * The isolation document in the e-mail report, read once for both of its pages: the
 * reachability page's danger and warning findings (the first {@value #LISTED}, in the page's
 * words, each after the namespace or policy it concerns), then the RBAC page's risky subjects
 * ({@link RbacHighlights}).
 */
@Component
class IsolationHighlights implements Highlights.Source {

	static final int LISTED = 5;

	private final StoredAnalyses analyses;

	IsolationHighlights(StoredAnalyses analyses) {
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
		String path = "/clusters/" + clusterName + "/isolation";
		List<Highlight> findings = stored.document()
			.network()
			.findings()
			.stream()
			.filter((finding) -> finding.severity() != Finding.Severity.INFO)
			.map((finding) -> new Highlight(Highlight.ISOLATION,
					finding.severity().name().toLowerCase(java.util.Locale.ROOT), "isolation.highlight.finding",
					List.of(about(finding), message(finding)), path))
			.toList();
		List<Highlight> lines = new ArrayList<>(Highlights.firstOf(findings, LISTED, "isolation.highlight.more"));
		lines.addAll(RbacHighlights.of(stored.document().rbac(), clusterName));
		return lines;
	}

	/** What a finding is about: {@code namespace/policy}, either, or the cluster. */
	private static String about(Finding finding) {
		String about = (finding.namespace() != null) ? finding.namespace() : "";
		if (finding.subject() != null) {
			about = about.isEmpty() ? finding.subject() : about + "/" + finding.subject();
		}
		return about;
	}

	private static DefaultMessageSourceResolvable message(Finding finding) {
		return new DefaultMessageSourceResolvable(new String[] { "isolation.finding." + finding.code() },
				finding.args().toArray());
	}

}
