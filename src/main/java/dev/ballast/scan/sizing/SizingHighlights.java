package dev.ballast.scan.sizing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ballast.scan.Highlight;
import dev.ballast.scan.Highlights;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.sizing.SizingAnalysis;
import dev.ballast.sizing.SizingReport;

/**
 * The node sizing page in the e-mail report: each pool's requested share of CPU and memory
 * (a warning from {@value #FULL}% on), and the workloads that lose every replica with one node or
 * one zone.
 */
@Component
class SizingHighlights implements Highlights.Source {

	/** A pool requested this much (percent of allocatable) has little room left to schedule. */
	static final int FULL = 90;

	private final StoredAnalyses analyses;

	SizingHighlights(StoredAnalyses analyses) {
		this.analyses = analyses;
	}

	@Override
	public List<Highlight> highlights(long clusterId, String clusterName) {
		StoredAnalyses.Landed<SizingReport> stored = this.analyses
			.latestDocument(clusterId, SizingAnalysis.KIND, SizingAnalysis.VERSION, SizingReport.class)
			.orElse(null);
		if (stored == null) {
			return List.of();
		}
		SizingReport report = stored.document();
		String path = "/clusters/" + clusterName + "/sizing";
		List<Highlight> lines = new ArrayList<>();
		SizingReport.Exposure exposure = report.exposure();
		if (exposure.singleNodeTotal() > 0) {
			lines.add(line("warning", "sizing.highlight.singleNode", path, exposure.singleNodeTotal()));
		}
		if (exposure.singleZoneTotal() > 0) {
			lines.add(line("warning", "sizing.highlight.singleZone", path, exposure.singleZoneTotal()));
		}
		for (SizingReport.Pool pool : report.pools()) {
			long cpu = percent(pool.requests().cpuMillis(), pool.allocatable().cpuMillis());
			long memory = percent(pool.requests().memoryBytes(), pool.allocatable().memoryBytes());
			String severity = (cpu >= FULL || memory >= FULL) ? "warning" : "info";
			lines.add(line(severity, "sizing.highlight.pool", path, pool.name().isEmpty() ? "—" : pool.name(),
					pool.nodes(), cpu, memory));
		}
		return lines;
	}

	private static long percent(long part, long whole) {
		return (whole > 0) ? Math.round(100.0 * part / whole) : 0;
	}

	private static Highlight line(String severity, String code, String path, Object... arguments) {
		return new Highlight(Highlight.CAPACITY, severity, code, List.of(arguments), path);
	}

}
