package dev.ballast.sizing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.Exposure;
import dev.ballast.sizing.SizingReport.PodGroup;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.sizing.WhatIf.NodeShape;
import dev.ballast.sizing.WhatIf.Result;

import static dev.ballast.sizing.ReserveModel.GIB;
import static dev.ballast.sizing.ReserveModel.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The what-if packer against hand-computed cases: fixtures/sizing/small.yaml (see
 * {@link SizingAnalysisTests}) and a first-fit-decreasing case built in code.
 */
class WhatIfTests {

	private final SizingReport small = SizingAnalysis.of(SizingFixtures.small());

	@Test
	void packsAPoolOntoOneNodeOfItsOwnShape() {
		Result result = WhatIf.pack(this.small, pool("a"), new NodeShape(4000, 16 * GIB, 110, 0, ReserveModel.GKE, 0.5),
				0.5);
		// GKE 4 c / 16 GiB: allocatable 3920 m, 16 GiB - (2.6 GiB + 100 MiB); DaemonSet ds: 100 m, 100 MiB
		long allocatableMemory = 16 * GIB - Math.round(2.6 * GIB) - 100 * MIB;
		assertThat(result.allocatable()).isEqualTo(new Amounts(3920, allocatableMemory, 0));
		assertThat(result.daemonSets()).isEqualTo(new Amounts(100, 100 * MIB, 0));
		assertThat(result.largestPod()).isEqualTo(new Amounts(3820, allocatableMemory - 100 * MIB, 0));
		// web 2 × (1000 m, 4 GiB) then api 2 × (500 m, 1 GiB): 3000 m and 10 GiB fit one node
		assertThat(result.nodes()).isEqualTo(1);
		assertThat(result.pods()).isEqualTo(4);
		// CPU (3000 + 100) / 3920 = 79.1%; memory (10 GiB + 100 MiB) / allocatable
		assertThat(result.cpuShare()).isCloseTo(3100 / 3920.0, within(1e-9));
		assertThat(result.memoryShare()).isCloseTo((10 * GIB + 100 * MIB) / (double) allocatableMemory, within(1e-9));
		assertThat(result.cost()).isEqualTo(0.5);
		// one node holds every replica of web and api: 100% > 50%
		assertThat(result.worstShare()).isEqualTo(1.0);
		assertThat(result.tooLarge()).containsExactly("shop/StatefulSet/web", "shop/StatefulSet/api");
		assertThat(result.tooSmall()).isEmpty();
		assertThat(result.doesNotFit()).isEmpty();
		// web, the largest, takes max(1000 / 3820, 4 GiB / free memory) of a node: grows 1 / 0.303 = 3.3×
		assertThat(result.biggest()).isEqualTo("shop/StatefulSet/web");
		assertThat(result.growth()).isCloseTo((allocatableMemory - 100 * MIB) / (4.0 * GIB), within(1e-9));
	}

	@Test
	void aTinyShapeLeavesPodsOutAndWarns() {
		Result result = WhatIf.pack(this.small, pool("a"), new NodeShape(1000, 2 * GIB, 110, 0, ReserveModel.GKE, null),
				0.5);
		// GKE 1 c / 2 GiB: allocatable 940 m, 2048 - 512 - 100 = 1436 MiB; minus ds: 840 m, 1336 MiB
		assertThat(result.largestPod()).isEqualTo(new Amounts(840, 1336 * MIB, 0));
		// web (1000 m) fits nowhere; api (500 m, 1 GiB) one per node: 2 nodes
		assertThat(result.doesNotFit()).singleElement().satisfies((unplaced) -> {
			assertThat(unplaced.workload()).isEqualTo("shop/StatefulSet/web");
			assertThat(unplaced.count()).isEqualTo(2);
		});
		assertThat(result.nodes()).isEqualTo(2);
		assertThat(result.pods()).isEqualTo(2);
		// both request more than half of 840 m: too small
		assertThat(result.tooSmall()).containsExactly("shop/StatefulSet/api", "shop/StatefulSet/web");
		// api spread over 2 nodes: ceil(2 / 2) / 2 = 50%, not above 50%
		assertThat(result.worstShare()).isEqualTo(0.5);
		assertThat(result.tooLarge()).isEmpty();
		// web would need 4096 / 1336 = 3.07 nodes' memory: growth 0.33, it does not fit
		assertThat(result.growth()).isCloseTo(1336 / 4096.0, within(1e-9));
		assertThat(result.cost()).isNull();
	}

	@Test
	void placesPendingPodsThePoolsLabelsAndTaintsAdmit() {
		Result result = WhatIf.pack(this.small, pool("b"), new NodeShape(2000, 4 * GIB, 10, 0, ReserveModel.GKE, null),
				0.5);
		// "pending" selects pool b and tolerates dedicated; "stray" selects it without tolerating: left out
		assertThat(result.pods()).isEqualTo(1);
		assertThat(result.nodes()).isEqualTo(1);
		assertThat(result.doesNotFit()).isEmpty();
		// 2 c / 4 GiB: 1930 m, 4096 - 1024 - 100 = 2972 MiB allocatable
		assertThat(result.allocatable()).isEqualTo(new Amounts(1930, 2972 * MIB, 0));
	}

	@Test
	void firstFitDecreasingOnHandComputedItems() {
		// free CPU per node: 1100 - 100 (TKE) = 1000 m. Items 3 × 600, 3 × 500, 2 × 400 m:
		// 600 → n1, n2, n3 (400 left each); 500 → n4, n4 (0 left), n5 (500 left); 400 → n1, n2.
		// 5 nodes, the lower bound ceil(4100 / 1000).
		Pool pool = pool("a");
		SizingReport report = new SizingReport("label", false, List.of(), List.of(pool), List.of(),
				new Exposure(List.of(), 0, List.of(), 0, 0),
				List.of(group("small", 2, 400), group("large", 3, 600), group("medium", 3, 500)), List.of());
		Result result = WhatIf.pack(report, pool, new NodeShape(1100, 64 * GIB, 110, 0, ReserveModel.TKE, null), 1);
		assertThat(result.nodes()).isEqualTo(5);
		assertThat(result.cpuShare()).isCloseTo(4100 / (5 * 1000.0), within(1e-9));
		// pods per node bound the packing too. 2 per node: 600 → n1, n2, n3 (one slot and 400 m left
		// each); 500 → n4 twice (full), n5; 400 → n1, n2: still 5 nodes
		Result slots = WhatIf.pack(report, pool, new NodeShape(1100, 64 * GIB, 2, 0, ReserveModel.TKE, null), 1);
		assertThat(slots.nodes()).isEqualTo(5);
		// 1 per node: one node per pod, 8
		Result one = WhatIf.pack(report, pool, new NodeShape(1100, 64 * GIB, 1, 0, ReserveModel.TKE, null), 1);
		assertThat(one.nodes()).isEqualTo(8);
	}

	@Test
	void gpuPodsNeedAShapeWithGpus() {
		SizingReport demo = SizingAnalysis.of(SizingFixtures.demo());
		Pool gpu = demo.pools().stream().filter((pool) -> pool.name().equals("gpu")).findFirst().orElseThrow();
		Result none = WhatIf.pack(demo, gpu, new NodeShape(8000, 32 * GIB, 61, 0, ReserveModel.TKE, null), 0.5);
		// model-serving and training-run-42 request a GPU each
		assertThat(none.doesNotFit()).extracting(WhatIf.Unplaced::workload)
			.containsExactlyInAnyOrder("ml/Deployment/model-serving", "ml/Job/training-run-42");
		Result two = WhatIf.pack(demo, gpu, new NodeShape(20000, 80 * GIB, 61, 2, ReserveModel.TKE, null), 0.5);
		assertThat(two.doesNotFit()).isEmpty();
	}

	private Pool pool(String name) {
		return this.small.pools().stream().filter((pool) -> pool.name().equals(name)).findFirst().orElseThrow();
	}

	private static PodGroup group(String name, int count, long cpu) {
		return new PodGroup("ns", "Deployment", name, count, new Amounts(cpu, 0, 0), false, Map.of(), List.of(),
				List.of(), "a");
	}

}
