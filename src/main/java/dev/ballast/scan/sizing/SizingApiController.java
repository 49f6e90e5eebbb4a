package dev.ballast.scan.sizing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ballast.scan.ScanProblem;
import dev.ballast.scan.StoredAnalyses;
import dev.ballast.scan.StoredAnalyses.Landed;
import dev.ballast.sizing.SizingAnalysis;
import dev.ballast.sizing.SizingReport;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.sizing.WhatIf;
import dev.ballast.sizing.WhatIf.NodeShape;

/**
 * The node sizing of a cluster's latest landed scan, and the what-if packer, for scripts.
 */
@RestController
@RequestMapping("/api/v1/clusters/{name}/sizing")
class SizingApiController {

	/** What each what-if parameter may be, for the problem's detail. */
	private static final Map<String, String> EXPECTED = Map.of("cores", "cores from 0.5 to 1024", "memory",
			"GiB from 0.5 to 16384", "maxPods", "a whole number from 1 to 1000", "gpus", "a whole number from 0 to 64",
			"price", "a number of cost units, 0 or more", "model", "GKE, EKS, AKS or TKE", "maxShare",
			"a percentage above 0, at most 100");

	private final StoredAnalyses analyses;

	SizingApiController(StoredAnalyses analyses) {
		this.analyses = analyses;
	}

	@GetMapping
	SizingAnswer sizing(@PathVariable String name) {
		Landed<SizingReport> landed = this.analyses.latestOrProblem(name, SizingAnalysis.KIND, SizingAnalysis.VERSION,
				SizingReport.class);
		return new SizingAnswer(landed.scan().id(), landed.scan().startedAt(), landed.document());
	}

	@GetMapping("/what-if")
	WhatIfAnswer whatIf(@PathVariable String name, @RequestParam MultiValueMap<String, String> params) {
		Landed<SizingReport> landed = this.analyses.latestOrProblem(name, SizingAnalysis.KIND, SizingAnalysis.VERSION,
				SizingReport.class);
		SizingReport report = landed.document();
		if (report.pools().isEmpty()) {
			throw ScanProblem.badParameter("pool", String.valueOf(params.getFirst("pool")), "a pool; the scan saw no node");
		}
		String poolName = params.getFirst("pool");
		Pool pool = SizingPageController.pool(report, poolName);
		if (poolName != null && !pool.name().equals(poolName)) {
			throw ScanProblem.badParameter("pool", poolName,
					"one of " + report.pools().stream().map(Pool::name).toList());
		}
		ShapeInput input = ShapeInput.parse(params, pool);
		if (!input.errors.isEmpty()) {
			Map.Entry<String, String> error = input.errors.entrySet().iterator().next();
			String field = error.getKey().replaceAll("\\d+$", "");
			List<String> typed = input.values.getOrDefault(field, List.of());
			String index = error.getKey().substring(field.length());
			String value = index.isEmpty() ? typed.get(0) : typed.get(Integer.parseInt(index));
			throw ScanProblem.badParameter(field, value, EXPECTED.getOrDefault(field, "a number"));
		}
		List<WhatIf.Result> results = new ArrayList<>();
		for (NodeShape shape : input.shapes) {
			results.add(WhatIf.pack(report, pool, shape, input.maxShare));
		}
		return new WhatIfAnswer(landed.scan().id(), pool.name(), input.maxShare, results);
	}

	/**
	 * The sizing analysis of a scan.
	 *
	 * @param scanId the scan
	 * @param startedAt when it started
	 * @param sizing the analysis
	 */
	record SizingAnswer(long scanId, Instant startedAt, SizingReport sizing) {
	}

	/**
	 * What-if packings of one pool.
	 *
	 * @param scanId the scan whose pods were packed
	 * @param pool the pool
	 * @param maxShare the share of one workload a node may hold, 0-1
	 * @param results one per shape
	 */
	record WhatIfAnswer(long scanId, String pool, double maxShare, List<WhatIf.Result> results) {
	}

}
