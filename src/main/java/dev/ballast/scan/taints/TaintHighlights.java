package dev.ballast.scan.taints;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ballast.scan.Highlight;
import dev.ballast.scan.Highlights;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.taints.TaintAnalysis;
import dev.ballast.taints.TaintMap;

/**
 * The taint map's danger and warning findings in the e-mail report (the first
 * {@value #LISTED}, in the page's words), and how many more the page holds.
 */
@Component
class TaintHighlights implements Highlights.Source {

	static final int LISTED = 5;

	private final StoredAnalyses analyses;

	TaintHighlights(StoredAnalyses analyses) {
		this.analyses = analyses;
	}

	@Override
	public List<Highlight> highlights(long clusterId, String clusterName) {
		StoredAnalyses.Landed<TaintMap> stored = this.analyses
			.latestDocument(clusterId, TaintAnalysis.KIND, TaintAnalysis.VERSION, TaintMap.class)
			.orElse(null);
		if (stored == null) {
			return List.of();
		}
		String path = "/clusters/" + clusterName + "/taints";
		List<Highlight> lines = stored.document()
			.findings()
			.stream()
			.filter((finding) -> !"info".equals(finding.severity()))
			.map((finding) -> new Highlight(Highlight.ISOLATION, finding.severity(), "taints.finding." + finding.id(),
					new ArrayList<Object>(finding.args()), path))
			.toList();
		return Highlights.firstOf(lines, LISTED, "taints.highlight.more");
	}

}
