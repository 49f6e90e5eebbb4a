package dev.ballast.sizing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ballast.sizing.ReserveModel;
import dev.ballast.sizing.SizingReport;
import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.Exposure;
import dev.ballast.sizing.SizingReport.NodeRow;
import dev.ballast.sizing.SizingReport.PodGroup;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.sizing.WhatIf;
import dev.ballast.sizing.WhatIf.NodeShape;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if packer and the stored document at the size of the largest cluster Ballast is built
 * for: 5,000 nodes and 150,000 pods (15,000 Deployments of 10 replicas with varied requests, four
 * DaemonSets), all in one pool. Prints the packing time per shape and the document's JSON size.
 * Outside the test run: {@code java -cp target/test-classes:target/classes:<deps> dev.ballast.sizing.bench.WhatIfBenchmark}.
 */
public final class WhatIfBenchmark {

	private WhatIfBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int nodes = 5000;
		int workloads = 15_000;
		long mib = 1024L * 1024;
		List<PodGroup> groups = new ArrayList<>();
		for (int ds = 0; ds < 4; ds++) {
			groups.add(new PodGroup("kube-system", "DaemonSet", "ds-" + ds, nodes, new Amounts(50, 64 * mib, 0), true,
					Map.of(), List.of(), List.of(), "general"));
		}
		for (int w = 0; w < workloads; w++) {
			long cpu = 100 + (w * 37L % 20) * 100;
			long memory = (128 + (w * 53L % 32) * 128) * mib;
			groups.add(new PodGroup("ns-" + (w % 300), "Deployment", "app-" + w, 10, new Amounts(cpu, memory, 0), false,
					Map.of(), List.of(), List.of(), "general"));
		}
		List<NodeRow> rows = new ArrayList<>();
		for (int n = 0; n < nodes; n++) {
			rows.add(new NodeRow("node-" + n, "general", "zone-" + (n % 3), 30, new Amounts(15_890, 60 * 1024 * mib, 0),
					new Amounts(9_000, 30 * 1024 * mib, 0), null, "ns-1/Deployment/app-" + n, 0.1, 28));
		}
		Amounts total = new Amounts(16_000L * nodes, 64 * 1024 * mib * nodes, 0);
		Pool pool = new Pool("general", "ballast.dev/pool", nodes, nodes, List.of(), ReserveModel.GKE, false,
				List.of("zone-0", "zone-1", "zone-2"), Map.of("ballast.dev/pool", "general"), List.of(), total, total,
				total, total, 0, null, 0, 150_000, 110 * nodes, 30, 110, 0, 0, null, null, 0);
		SizingReport report = new SizingReport("ballast.dev/pool", false, List.of("zone-0", "zone-1", "zone-2"),
				List.of(pool), rows, new Exposure(List.of(), 0, List.of(), 0, 0), groups, List.of());
		long start = System.nanoTime();
		byte[] json = JsonMapper.builder().build().writeValueAsBytes(report);
		System.out.printf(Locale.ROOT, "document: %.1f MB JSON, written in %d ms%n", json.length / 1e6,
				(System.nanoTime() - start) / 1_000_000);
		long gib = 1024 * mib;
		for (long[] shape : new long[][] { { 4, 16 }, { 16, 64 }, { 64, 256 } }) {
			for (int round = 0; round < 3; round++) {
				start = System.nanoTime();
				WhatIf.Result result = WhatIf.pack(report, pool,
						new NodeShape(shape[0] * 1000, shape[1] * gib, 110, 0, ReserveModel.GKE, null), 0.5);
				System.out.printf(Locale.ROOT, "%d cores / %d GiB: %d nodes for %d pods in %d ms%n", shape[0], shape[1],
						result.nodes(), result.pods(), (System.nanoTime() - start) / 1_000_000);
			}
		}
	}

}
