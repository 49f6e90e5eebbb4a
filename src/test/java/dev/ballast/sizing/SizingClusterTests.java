package dev.ballast.sizing;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.sizing.WhatIf.NodeShape;
import dev.ballast.sizing.WhatIf.Result;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.LiveCollector;
import dev.ballast.snapshot.LiveSettings;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.ControlPlaneTest;
import dev.ballast.testcluster.Scenario;

import static dev.ballast.sizing.ReserveModel.GIB;
import static dev.ballast.sizing.ReserveModel.MIB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Node sizing on a real Kubernetes control plane (scenario sizing-pools): pools by label, pod
 * requests as the scheduler placed them, the reserve beside GKE's model, and the what-if of the
 * pool whose pod stays Pending, every number hand-computed.
 */
@ControlPlaneTest
class SizingClusterTests {

	private final LiveCollector collector = new LiveCollector(new LiveSettings(500, 4, Duration.ofMinutes(2),
			Duration.ofSeconds(30), 3, Duration.ofMillis(100), Duration.ofSeconds(2)));

	@Test
	void sizesThePoolsThePodsAndTheWhatIfAsComputedByHand(ControlPlane plane) throws Exception {
		Scenario scenario = plane.scenario("sizing-pools");
		assertThat(scenario.nodes()).hasSize(4);
		ClusterSnapshot snapshot = this.collector.collect(plane.readerClient(), "sizing", LiveCollector.Progress.NONE);
		SizingReport report = SizingAnalysis.of(snapshot);
		Pool big = pool(report, "big");
		Pool small = pool(report, "small");

		assertThat(big.nodes()).isEqualTo(2);
		assertThat(big.label()).isEqualTo("ballast.dev/pool");
		assertThat(big.model()).isEqualTo(ReserveModel.GKE);
		assertThat(big.modelAssumed()).isFalse();
		// api: 2 × (500 m, 1 GiB), the only pods the taint lets onto big
		assertThat(big.requests()).isEqualTo(new Amounts(1000, 2 * GIB, 0));
		assertThat(big.pods()).isEqualTo(2);
		assertThat(big.allocatable()).isEqualTo(new Amounts(2 * 3920, 2 * 13621 * MIB, 0));
		// GKE, 4 cores / 16 GiB: 80 m; 2.6 GiB + 100 MiB = 2762.4 MiB (the nodes report 2763 MiB kept back)
		assertThat(big.shapes()).singleElement().satisfies((shape) -> {
			assertThat(shape.predictedReserve().cpuMillis()).isEqualTo(80);
			assertThat(shape.capacity().cpuMillis() - shape.allocatable().cpuMillis()).isEqualTo(80);
			assertThat(shape.predictedReserve().memoryBytes()).isEqualTo(Math.round(2.6 * GIB) + 100 * MIB);
			assertThat(shape.capacity().memoryBytes() - shape.allocatable().memoryBytes()).isEqualTo(2763 * MIB);
		});
		// small: tiny (300 m, 512 MiB); GKE 1 core / 2 GiB: 60 m and 512 + 100 MiB, exactly as reported
		assertThat(small.requests()).isEqualTo(new Amounts(300, 512 * MIB, 0));
		assertThat(small.shapes()).singleElement().satisfies((shape) -> {
			assertThat(shape.predictedReserve()).isEqualTo(new Amounts(60, 612 * MIB, 0));
			assertThat(shape.capacity().memoryBytes() - shape.allocatable().memoryBytes()).isEqualTo(612 * MIB);
		});
		assertThat(report.notes()).contains("metrics-missing");

		// blast radius as the scheduler placed api's two replicas
		List<String> apiNodes = snapshot.pods()
			.stream()
			.filter((pod) -> pod.namespace().equals("sizing-pools") && pod.name().startsWith("api-"))
			.map(PodFacts::nodeName)
			.toList();
		assertThat(apiNodes).hasSize(2);
		double share = (apiNodes.get(0).equals(apiNodes.get(1))) ? 1.0 : 0.5;
		assertThat(big.worstShare()).isEqualTo(share);
		assertThat(big.worstWorkload()).isEqualTo("sizing-pools/Deployment/api");

		// huge (1500 m, 3 GiB) is Pending: on 1 core / 2 GiB (940 m, 1436 MiB) it fits no node,
		// tiny takes one; on 4 cores / 16 GiB both fit one node
		Result tiny = WhatIf.pack(report, small, new NodeShape(1000, 2 * GIB, 110, 0, ReserveModel.GKE, null), 0.5);
		assertThat(tiny.nodes()).isEqualTo(1);
		assertThat(tiny.doesNotFit()).extracting(WhatIf.Unplaced::workload)
			.containsExactly("sizing-pools/Deployment/huge");
		Result large = WhatIf.pack(report, small, new NodeShape(4000, 16 * GIB, 110, 0, ReserveModel.GKE, null), 0.5);
		assertThat(large.nodes()).isEqualTo(1);
		assertThat(large.pods()).isEqualTo(2);
		assertThat(large.doesNotFit()).isEmpty();
	}

	private static Pool pool(SizingReport report, String name) {
		return report.pools().stream().filter((pool) -> pool.name().equals(name)).findFirst().orElseThrow();
	}

}
