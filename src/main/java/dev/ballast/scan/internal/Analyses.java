package dev.ballast.scan.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.network.NetworkAnalysis;
import dev.ballast.sizing.SizingAnalysis;
import dev.ballast.sizing.SizingSettings;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.taints.TaintAnalysis;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every analysis of a snapshot besides the checks, each stored with the scan as a JSON document of
 * its kind. An analysis that fails (a defect in Ballast, not in the cluster) is left out of the
 * scan with a warning instead of costing the whole scan; its page then says the scan holds no
 * such analysis.
 */
@Component
class Analyses {

	private static final Logger log = LoggerFactory.getLogger(Analyses.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One analysis: its kind, the version of its document, and the function. */
	private record Analysis(String kind, int version, Function<ClusterSnapshot, Object> function) {
	}

	private final List<Analysis> analyses;

	Analyses(SizingSettings sizing) {
		this.analyses = List.of(
			new Analysis(SizingAnalysis.KIND, SizingAnalysis.VERSION, (snapshot) -> SizingAnalysis.of(snapshot, sizing.poolLabels())),
			new Analysis(NetworkAnalysis.KIND, NetworkAnalysis.VERSION, NetworkAnalysis::of),
			new Analysis(TaintAnalysis.KIND, TaintAnalysis.VERSION, TaintAnalysis::of),
			new Analysis(IsolationAnalysis.KIND, IsolationAnalysis.VERSION, IsolationAnalysis::of));
	}

	/**
	 * Runs every analysis.
	 * @param snapshot the snapshot
	 * @param warnings receives a warning for each analysis that failed
	 * @return the documents by kind, the snapshot summary first
	 */
	Map<String, AnalysisDocument> of(ClusterSnapshot snapshot, List<String> warnings) {
		Map<String, AnalysisDocument> documents = new LinkedHashMap<>();
		documents.put(SnapshotSummary.KIND, SnapshotSummary.of(snapshot));
		for (Analysis analysis : this.analyses) {
			try {
				Object result = analysis.function().apply(snapshot);
				documents.put(analysis.kind(), new AnalysisDocument(analysis.version(), JSON.writeValueAsString(result)));
			}
			catch (RuntimeException ex) {
				log.error("The {} analysis of {} failed", analysis.kind(), snapshot.source().clusterName(), ex);
				warnings.add("The " + analysis.kind() + " analysis failed (" + ex.getClass().getSimpleName()
						+ "), so this scan holds none; the server log has the details.");
			}
		}
		return documents;
	}

}
