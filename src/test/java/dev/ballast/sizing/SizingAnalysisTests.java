package dev.ballast.sizing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.sizing.SizingReport.Amounts;
import dev.ballast.sizing.SizingReport.NodeRow;
import dev.ballast.sizing.SizingReport.Placement;
import dev.ballast.sizing.SizingReport.Pool;
import dev.ballast.snapshot.ManifestReader;
import dev.ballast.snapshot.Taint;
import tools.jackson.databind.json.JsonMapper;

import static dev.ballast.sizing.ReserveModel.GIB;
import static dev.ballast.sizing.ReserveModel.MIB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sizing analysis on fixtures/sizing/small.yaml (pool a: a-1, a-2, GKE, 4 cores / 16 GiB,
 * allocatable 3920 m / 10 GiB; pool b: b-1, no provider, 2 cores / 4 GiB, tainted) and on the demo
 * cluster, every number hand-computed.
 */
class SizingAnalysisTests {

	private final SizingReport small = SizingAnalysis.of(SizingFixtures.small());

	@Test
	void groupsNodesByTheFirstPoolLabelTheyCarry() {
		assertThat(this.small.pools()).extracting(Pool::name).containsExactly("a", "b");
		assertThat(this.small.pools()).extracting(Pool::label)
			.containsExactly("cloud.google.com/gke-nodepool", "karpenter.sh/nodepool");
		// ballast.dev/pool first: a node carrying it is grouped by it
		SizingReport byInstanceType = SizingAnalysis.of(SizingFixtures.small(),
				List.of("node.kubernetes.io/instance-type"));
		assertThat(byInstanceType.pools()).singleElement().satisfies((pool) -> {
			assertThat(pool.name()).isEmpty();
			assertThat(pool.label()).isNull();
		});
		assertThat(byInstanceType.notes()).contains("no-pool-label");
		assertThat(this.small.notes()).doesNotContain("no-pool-label");
	}

	@Test
	void sumsRequestsOfPodsThatHoldThem() {
		Pool a = this.small.pools().get(0);
		// a-1: web 2 × (1000 m, 4 GiB) + api (500 m, 1 GiB) + ds (100 m, 100 MiB) = 2600 m, 9316 MiB
		// a-2: api + ds = 600 m, 1124 MiB; the Succeeded pod (1000 m) holds nothing
		assertThat(a.requests()).isEqualTo(new Amounts(3200, (9316 + 1124) * MIB, 0));
		assertThat(a.pods()).isEqualTo(6);
		assertThat(a.podSlots()).isEqualTo(220);
		assertThat(a.busiestNodePods()).isEqualTo(4);
		assertThat(a.allocatable()).isEqualTo(new Amounts(7840, 20 * GIB, 0));
		// limits: web 2 × 1000 m + api 500 m + api 500 m; the two DaemonSet pods set none
		assertThat(a.limits().cpuMillis()).isEqualTo(3000);
		assertThat(a.unlimitedPods()).isEqualTo(2);
		assertThat(a.usage()).isNull();
		assertThat(this.small.notes()).contains("metrics-missing");
	}

	@Test
	void predictsTheReserveOfEachShapeWithTheProvidersModel() {
		Pool a = this.small.pools().get(0);
		assertThat(a.model()).isEqualTo(ReserveModel.GKE);
		assertThat(a.modelAssumed()).isFalse();
		// GKE, 4 cores: 60 + 10 + 2 × 5 = 80 m; 16 GiB: 1 + 0.8 + 0.8 = 2.6 GiB + 100 MiB
		assertThat(a.shapes()).singleElement().satisfies((shape) -> {
			assertThat(shape.count()).isEqualTo(2);
			assertThat(shape.predictedReserve().cpuMillis()).isEqualTo(80);
			assertThat(shape.predictedReserve().memoryBytes()).isEqualTo(Math.round(2.6 * GIB) + 100 * MIB);
		});
		Pool b = this.small.pools().get(1);
		assertThat(b.model()).isEqualTo(ReserveModel.GKE);
		assertThat(b.modelAssumed()).isTrue();
		assertThat(this.small.notes()).contains("provider-assumed").doesNotContain("mixed-shapes");
	}

	@Test
	void countsCpuStrandedOnNodesWhoseMemoryIsFull() {
		Pool a = this.small.pools().get(0);
		// a-1: 9316 MiB of 10240 = 91% ≥ 90%, so its free CPU 3920 - 2600 = 1320 m is stranded;
		// a-2's CPU (600 of 3920) is not full, so no memory is stranded
		assertThat(a.strandedCpuMillis()).isEqualTo(1320);
		assertThat(a.strandedMemoryBytes()).isZero();
		assertThat(this.small.pools().get(1).strandedCpuMillis()).isZero();
	}

	@Test
	void findsWhatDiesWithOneNodeOrOneZone() {
		// web: both replicas on a-1; api: one on a-1, one on a-2
		NodeRow worst = this.small.nodes().get(0);
		assertThat(worst.name()).isEqualTo("a-1");
		assertThat(worst.worstWorkload()).isEqualTo("shop/StatefulSet/web");
		assertThat(worst.worstShare()).isEqualTo(1.0);
		assertThat(worst.workloadsHit()).isEqualTo(2);
		NodeRow a2 = this.small.nodes().get(1);
		assertThat(a2.worstWorkload()).isEqualTo("shop/StatefulSet/api");
		assertThat(a2.worstShare()).isEqualTo(0.5);
		assertThat(this.small.exposure().singleNode()).containsExactly(new Placement("shop/StatefulSet/web", 2, "a-1"));
		// zones z1 (a-1, b-1) and z2 (a-2): web is all in z1, api spans both
		assertThat(this.small.exposure().singleZone()).containsExactly(new Placement("shop/StatefulSet/web", 2, "z1"));
		assertThat(this.small.pools().get(0).worstNode()).isEqualTo("a-1");
		assertThat(this.small.pools().get(0).worstShare()).isEqualTo(1.0);
	}

	@Test
	void keepsThePoolsLabelsTaintsAndThePendingPodsForPacking() {
		Pool b = this.small.pools().get(1);
		assertThat(b.labels()).containsEntry("karpenter.sh/nodepool", "b").doesNotContainKey("kubernetes.io/hostname");
		assertThat(b.taints()).containsExactly(new Taint("dedicated", "b", "NoSchedule"));
		assertThat(this.small.groups()).filteredOn((group) -> group.pool() == null)
			.extracting(SizingReport.PodGroup::name)
			.containsExactlyInAnyOrder("pending", "stray");
	}

	@Test
	void saysWhatItCannotKnowWithoutNodes() {
		SizingReport empty = SizingAnalysis.of(new ManifestReader().read("empty", "empty.yaml",
				new ByteArrayInputStream("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n".getBytes(StandardCharsets.UTF_8))));
		assertThat(empty.pools()).isEmpty();
		assertThat(empty.poolLabel()).isNull();
		assertThat(empty.notes()).containsExactly("metrics-missing", "no-nodes");
	}

	@Test
	void storesAsJsonAndReadsBack() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readValue(json.writeValueAsString(this.small), SizingReport.class)).isEqualTo(this.small);
	}

	@Test
	void answersOnTheDemoCluster() {
		SizingReport demo = SizingAnalysis.of(SizingFixtures.demo());
		assertThat(demo.poolLabel()).isEqualTo("ballast.dev/pool");
		assertThat(demo.pools()).extracting(Pool::name).containsExactly("general", "gpu", "highio", "legacy");
		assertThat(demo.notes()).containsExactly("mixed-shapes");
		Pool legacy = demo.pools().get(3);
		// S2.SMALL2: 1 core / 2 GiB, allocatable 900 m / 1300 MiB: 100 m (10%) and 748 MiB (36.5%) kept
		// back; TKE predicts 100 m and 512 + 100 = 612 MiB (29.9%)
		assertThat(legacy.model()).isEqualTo(ReserveModel.TKE);
		assertThat(legacy.shapes()).singleElement().satisfies((shape) -> {
			assertThat(shape.capacity().memoryBytes() - shape.allocatable().memoryBytes()).isEqualTo(748 * MIB);
			assertThat(shape.predictedReserve()).isEqualTo(new Amounts(100, 612 * MIB, 0));
		});
		Pool general = demo.pools().get(0);
		// 5 × S5.LARGE16 (4 c / 16 GiB) + 1 × S5.8XLARGE128 (32 c / 128 GiB)
		assertThat(general.shapes()).extracting(SizingReport.Shape::count).containsExactly(5, 1);
		assertThat(general.capacity().cpuMillis()).isEqualTo(5 * 4000 + 32000);
		// everything of elasticsearch (3) and alertmanager (2) is on general-c-1, cart (2) on general-a-2
		assertThat(demo.exposure().singleNode()).extracting(Placement::workload)
			.containsExactly("logging/StatefulSet/elasticsearch", "monitoring/StatefulSet/alertmanager",
					"shop/Deployment/cart");
		assertThat(demo.exposure().singleNode().get(0).place()).isEqualTo("general-c-1");
	}

}
