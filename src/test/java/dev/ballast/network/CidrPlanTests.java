package dev.ballast.network;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CidrPlanTests {

	@Test
	void plansTheSmallestCidrWithHeadroom() {
		// 100 nodes × 2 (100 % headroom) = 200 blocks → 2^8 = 256 → /24 − 8 = /16 for 110 pods
		CidrPlan plan = CidrPlan.of(100, 110, 100, 0, null);
		assertThat(plan.nodeMask()).isEqualTo(24);
		assertThat(plan.blocksNeeded()).isEqualTo(200);
		assertThat(plan.clusterPrefix()).isEqualTo(16);
		assertThat(plan.nodesFit()).isEqualTo(256);
		assertThat(plan.growth()).isEqualTo(2.56);
		assertThat(plan.warnings()).isEmpty();
		assertThat(plan.sizes()).filteredOn(CidrPlan.Size::chosen).singleElement()
			.satisfies((s) -> assertThat(s.nodeMask()).isEqualTo(24));
		assertThat(plan.prefixes()).extracting(CidrPlan.Prefix::prefix).containsExactly(14, 15, 16, 17, 18);
	}

	@Test
	void warnsWhenTheSeedsMistakeIsAboutToBeRepeated() {
		// the demo: 10.244.0.0/20 with /26 blocks holds 64 nodes; planning 60 nodes of 30 pods with 100 %:
		// 120 blocks of /26 (30 × 2 = 60 → 64 addresses) need a /19
		CidrPlan plan = CidrPlan.of(60, 30, 100, 0, Cidr.parse("10.244.0.0/20"));
		assertThat(plan.nodeMask()).isEqualTo(26);
		assertThat(plan.clusterPrefix()).isEqualTo(19);
		assertThat(plan.currentNodesFit()).isEqualTo(64);
		assertThat(plan.warnings()).containsExactly("current-too-small");
		assertThat(CidrPlan.of(60, 30, 20, 0, null).warnings()).containsExactly("little-headroom");
		assertThat(CidrPlan.of(100_000, 256, 100, 0, null).warnings()).contains("too-large");
	}

}
