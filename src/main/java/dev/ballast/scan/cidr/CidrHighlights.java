package dev.ballast.scan.cidr;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ballast.network.Growth;
import dev.ballast.network.NetworkAnalysis;
import dev.ballast.network.NetworkCapacity;
import dev.ballast.network.NetworkReport;
import dev.ballast.scan.Highlight;
import dev.ballast.scan.Highlights;
import dev.ballast.scan.StoredAnalyses;

/**
 * The CIDR page's answer in the e-mail report, in the page's own words: how many nodes can still
 * join (or that none can), and when the range runs out at the recorded growth.
 */
@Component
class CidrHighlights implements Highlights.Source {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private final StoredAnalyses analyses;

	private final CidrReads reads;

	CidrHighlights(StoredAnalyses analyses, CidrReads reads) {
		this.analyses = analyses;
		this.reads = reads;
	}

	@Override
	public List<Highlight> highlights(long clusterId, String clusterName) {
		StoredAnalyses.Landed<NetworkReport> stored = this.analyses
			.latestDocument(clusterId, NetworkAnalysis.KIND, NetworkAnalysis.VERSION, NetworkReport.class)
			.orElse(null);
		if (stored == null) {
			return List.of();
		}
		CidrReads.CidrAnswer answer = this.reads.answer(clusterId, stored.scan(), stored.document());
		NetworkCapacity capacity = answer.capacity();
		String path = "/clusters/" + clusterName + "/cidr";
		List<Highlight> lines = new ArrayList<>();
		if (capacity.exhausted()) {
			lines.add(line("danger", "network.answer.exhausted", path, capacity.nodesWithoutBlock()));
		}
		else if (capacity.nodesCanJoin() != null) {
			long canJoin = capacity.nodesCanJoin();
			String severity = (canJoin < answer.usage().nodes()) ? "warning" : "info";
			lines.add(line(severity, "network.answer.blocks", path, canJoin));
			Growth nodes = answer.forecast().nodes();
			if (nodes != null && nodes.runsOutAt() != null) {
				lines.add(line("warning", "network.answer.date", path, DAY.format(nodes.runsOutAt()),
						String.format(java.util.Locale.ROOT, "%.2f", nodes.perDay())));
			}
		}
		else {
			String code = (capacity.mode() == NetworkReport.Mode.VPC_NATIVE) ? "network.answer.pods"
					: "network.highlight.unknown";
			lines.add(line("info", code, path, capacity.podIpsFree(), answer.usage().nodes()));
		}
		return lines;
	}

	private static Highlight line(String severity, String code, String path, Object... arguments) {
		return new Highlight(Highlight.CAPACITY, severity, code, List.of(arguments), path);
	}

}
