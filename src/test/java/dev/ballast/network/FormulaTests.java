package dev.ballast.network;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published formulas, with their published worked examples.
 */
class FormulaTests {

	@Test
	void eksMaxPodsIsEnisTimesAddressesLessOnePlusTwo() {
		// EKS user guide / eni-max-pods.txt: m5.large 3 ENIs × 10 IPv4 → 3 × 9 + 2 = 29
		assertThat(EniLimits.maxPods(3, 10)).isEqualTo(29);
		assertThat(EniLimits.maxPods("m5.large")).isEqualTo(29);
		// t3.medium 3 × 6 → 3 × 5 + 2 = 17
		assertThat(EniLimits.maxPods("t3.medium")).isEqualTo(17);
		// m5.xlarge 4 × 15 → 4 × 14 + 2 = 58
		assertThat(EniLimits.maxPods("m5.xlarge")).isEqualTo(58);
		assertThat(EniLimits.maxPods("S5.LARGE16")).isNull();
	}

	@Test
	void gkeNodeMaskHasTwiceTheAddressesOfPods() {
		// GKE "Configure maximum Pods per node" table: 8 → /28, 16 → /27, 32 → /26, 64 → /25, 110 → /24
		assertThat(CidrPlan.nodeMask(8)).isEqualTo(28);
		assertThat(CidrPlan.nodeMask(9)).isEqualTo(27);
		assertThat(CidrPlan.nodeMask(16)).isEqualTo(27);
		assertThat(CidrPlan.nodeMask(32)).isEqualTo(26);
		assertThat(CidrPlan.nodeMask(64)).isEqualTo(25);
		assertThat(CidrPlan.nodeMask(65)).isEqualTo(24);
		assertThat(CidrPlan.nodeMask(110)).isEqualTo(24);
		assertThat(CidrPlan.nodeMask(256)).isEqualTo(23);
		// one pod still needs network, gateway and broadcast: 4 addresses → /30
		assertThat(CidrPlan.nodeMask(1)).isEqualTo(30);
	}

	@Test
	void podsPerBlockLeaveOutNetworkGatewayAndBroadcast() {
		// TKE handbook: a /24 holds 2^8 − 3 = 253 pods; the demo's /26: 64 − 3 = 61
		assertThat(NetworkCapacity.podsPerBlock(24, false)).isEqualTo(253);
		assertThat(NetworkCapacity.podsPerBlock(26, false)).isEqualTo(61);
		assertThat(NetworkCapacity.podsPerBlock(32, false)).isZero();
		assertThat(NetworkCapacity.podsPerBlock(30, false)).isEqualTo(1);
		assertThat(NetworkCapacity.podsPerBlock(64, true)).isEqualTo(Long.MAX_VALUE);
		assertThat(NetworkCapacity.podsPerBlock(120, true)).isEqualTo(254);
	}

	@Test
	void gkePodRangeTable() {
		// GKE IP address range planning: 110 pods per node (/24 per node); a /21 pod range holds
		// 2^(24-21) = 8 nodes, a /16 holds 256.
		assertThat(CidrPlan.of(8, 110, 0, 0, null).clusterPrefix()).isEqualTo(21);
		assertThat(CidrPlan.of(256, 110, 0, 0, null).clusterPrefix()).isEqualTo(16);
		assertThat(CidrPlan.of(257, 110, 0, 0, null).clusterPrefix()).isEqualTo(15);
	}

	@Test
	void tkeGlobalRouterCarvesTheServiceRangeFromTheContainerCidr() {
		// TKE handbook "analysis-cidr": --cluster-cidr=10.99.0.0/19, --service-cluster-ip-range=10.99.28.0/22,
		// node /24: max nodes = 2^(24-19) − 2^(24-22) = 32 − 4 = 28 = (8192 − 1024) / 256
		CidrPlan plan = CidrPlan.of(14, 128, 100, 1024, Cidr.parse("10.99.0.0/19"));
		assertThat(plan.nodeMask()).isEqualTo(24);
		assertThat(plan.serviceBlocks()).isEqualTo(4);
		// 14 × 2 = 28 blocks + 4 service blocks = 32 = 2^5 → /19, holding exactly 28 nodes
		assertThat(plan.clusterPrefix()).isEqualTo(19);
		assertThat(plan.nodesFit()).isEqualTo(28);
		assertThat(plan.currentNodesFit()).isEqualTo(28);
		assertThat(plan.warnings()).isEmpty();
	}

}
