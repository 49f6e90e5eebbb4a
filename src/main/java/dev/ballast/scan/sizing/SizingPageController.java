package dev.ballast.scan.sizing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.ballast.scan.StoredAnalyses.Stored;
import dev.ballast.scan.dashboard.AreaPages;
import dev.ballast.sizing.ReserveModel;
import dev.ballast.sizing.SizingAnalysis;
import dev.ballast.sizing.SizingReport;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.sizing.WhatIf;
import dev.ballast.sizing.WhatIf.NodeShape;

/**
 * A cluster's node sizing page: pools, what the system keeps back, what runs there, what dies
 * with one node, and the what-if packer (a GET form: bookmarkable, nothing is saved).
 */
@Controller
class SizingPageController {

	/** Nodes listed on the page; the API has them all. */
	static final int NODES_SHOWN = 50;

	private final AreaPages pages;

	SizingPageController(AreaPages pages) {
		this.pages = pages;
	}

	@GetMapping("/clusters/{name}/sizing")
	String sizing(@PathVariable String name, @RequestParam MultiValueMap<String, String> params, Model model) {
		Stored<SizingReport> stored = this.pages.prepare(model, "sizing", name, SizingAnalysis.KIND,
				SizingAnalysis.VERSION, SizingReport.class);
		model.addAttribute("models", ReserveModel.values());
		model.addAttribute("presets", ShapeInput.PRESETS);
		if (stored == null || stored.document() == null) {
			return "sizing/page";
		}
		SizingReport report = stored.document();
		List<PoolView> pools = new ArrayList<>();
		for (Pool pool : report.pools()) {
			pools.add(PoolView.of(pool));
		}
		model.addAttribute("report", report);
		model.addAttribute("pools", pools);
		model.addAttribute("totals", Totals.of(report));
		model.addAttribute("nodes", report.nodes().subList(0, Math.min(NODES_SHOWN, report.nodes().size())));
		model.addAttribute("nodesShown", NODES_SHOWN);
		if (!report.pools().isEmpty()) {
			String asked = params.getFirst("pool");
			Pool pool = pool(report, asked);
			ShapeInput input = ShapeInput.parse(params, pool);
			if (asked != null && !asked.equals(pool.name())) {
				input.errors.put("pool", "sizing.whatif.error.pool");
			}
			List<WhatIf.Result> results = new ArrayList<>();
			if (input.errors.isEmpty()) {
				for (NodeShape shape : input.shapes) {
					results.add(WhatIf.pack(report, pool, shape, input.maxShare));
				}
			}
			model.addAttribute("whatIfPool", pool);
			model.addAttribute("input", input.values);
			model.addAttribute("errors", input.errors);
			model.addAttribute("results", results);
			model.addAttribute("maxShare", input.maxShare);
			model.addAttribute("columns", List.of(0, 1, 2));
		}
		return "sizing/page";
	}

	/** The pool asked for, else the largest; an unknown name too (and the page marks the field). */
	static Pool pool(SizingReport report, @Nullable String name) {
		for (Pool pool : report.pools()) {
			if (pool.name().equals(name)) {
				return pool;
			}
		}
		return report.pools().get(0);
	}

	/**
	 * The cluster's sums.
	 *
	 * @param nodes nodes
	 * @param requestCpu requested CPU as % of allocatable
	 * @param requestMemory requested memory as % of allocatable
	 * @param exposed workloads all on one node
	 */
	record Totals(int nodes, Double requestCpu, Double requestMemory, int exposed) {

		static Totals of(SizingReport report) {
			long allocatableCpu = 0;
			long allocatableMemory = 0;
			long cpu = 0;
			long memory = 0;
			int nodes = 0;
			for (Pool pool : report.pools()) {
				nodes += pool.nodes();
				allocatableCpu += pool.allocatable().cpuMillis();
				allocatableMemory += pool.allocatable().memoryBytes();
				cpu += pool.requests().cpuMillis();
				memory += pool.requests().memoryBytes();
			}
			Double cpuShare = PoolView.percent(cpu, allocatableCpu);
			Double memoryShare = PoolView.percent(memory, allocatableMemory);
			return new Totals(nodes, (cpuShare != null) ? cpuShare : 0, (memoryShare != null) ? memoryShare : 0,
					report.exposure().singleNodeTotal());
		}

	}

}
