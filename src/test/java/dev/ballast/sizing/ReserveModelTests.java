package dev.ballast.sizing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.ballast.sizing.ReserveModel.GIB;
import static dev.ballast.sizing.ReserveModel.MIB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The providers' reserve models against the worked examples their documentation publishes (see
 * each model's {@link ReserveModel#source()}); memory results include the 100 MiB eviction
 * threshold, which the examples list separately.
 */
class ReserveModelTests {

	@Test
	void gkeReservesTieredCpuAndMemory() {
		// 1 core: 6% = 60 m; 2 cores: 60 + 10 = 70 m; 4 cores: 70 + 2 × 5 = 80 m;
		// 8 cores: 80 + 4 × 2.5 = 90 m.
		assertThat(ReserveModel.GKE.reservedCpuMillis(1000)).isEqualTo(60);
		assertThat(ReserveModel.GKE.reservedCpuMillis(2000)).isEqualTo(70);
		assertThat(ReserveModel.GKE.reservedCpuMillis(4000)).isEqualTo(80);
		assertThat(ReserveModel.GKE.reservedCpuMillis(8000)).isEqualTo(90);
		// below 1 GiB: 255 MiB (+ 100 MiB eviction)
		assertThat(ReserveModel.GKE.reservedMemoryBytes(614 * MIB, 110)).isEqualTo(355 * MIB);
		// n1-standard-2, 7.5 GiB: 25% × 4 + 20% × 3.5 = 1.7 GiB = 1740.8 MiB, + 100 MiB = 1840.8 (whole MiB: 1840)
		assertThat(mib(ReserveModel.GKE.reservedMemoryBytes(7680 * MIB, 110))).isEqualTo(1840);
		// 150 GiB (the calculator's example): 1 + 0.8 + 0.8 + 6.72 + 0.44 = 9.76 GiB + 100 MiB = 9.8577 GiB
		assertThat(ReserveModel.GKE.reservedMemoryBytes(150 * GIB, 110) / (double) GIB).isCloseTo(9.8577,
				org.assertj.core.data.Offset.offset(0.0001));
	}

	@Test
	void eksReservesPerPod() {
		// m5.large: 2 vCPU, 8 GiB, 29 pods: 255 + 11 × 29 = 574 MiB (+ 100 MiB eviction), 70 m CPU
		assertThat(ReserveModel.EKS.reservedMemoryBytes(8 * GIB, 29)).isEqualTo((574 + 100) * MIB);
		assertThat(ReserveModel.EKS.reservedCpuMillis(2000)).isEqualTo(70);
		// prefix delegation, 110 pods: 255 + 1210 = 1465 MiB
		assertThat(ReserveModel.EKS.reservedMemoryBytes(8 * GIB, 110)).isEqualTo((1465 + 100) * MIB);
	}

	@Test
	void aksReservesFromItsTableAndTheSmallerOfPerPodAndAQuarter() {
		// the table: 1, 2, 4, 8, 16, 32, 64 cores → 60, 100, 140, 180, 260, 420, 740 m
		long[][] table = { { 1, 60 }, { 2, 100 }, { 4, 140 }, { 8, 180 }, { 16, 260 }, { 32, 420 }, { 64, 740 } };
		for (long[] row : table) {
			assertThat(ReserveModel.AKS.reservedCpuMillis(row[0] * 1000)).as("%d cores", row[0]).isEqualTo(row[1]);
		}
		// between the points, linear: 6 cores → 140 + (180 - 140) × 2 / 4 = 160 m; 96 cores → 740 + 32 × 10 = 1060 m
		assertThat(ReserveModel.AKS.reservedCpuMillis(6000)).isEqualTo(160);
		assertThat(ReserveModel.AKS.reservedCpuMillis(96000)).isEqualTo(1060);
		// 8 GB, 30 pods: 20 × 30 + 50 = 650 (+ 100 eviction)
		assertThat(ReserveModel.AKS.reservedMemoryBytes(8 * GIB, 30)).isEqualTo((650 + 100) * MIB);
		// 4 GB, 70 pods: 25% × 4 GiB = 1024 < 20 × 70 + 50 = 1450
		assertThat(ReserveModel.AKS.reservedMemoryBytes(4 * GIB, 70)).isEqualTo((1024 + 100) * MIB);
	}

	@Test
	void tkeReservesATenthOfACoreThenTiers() {
		// up to 4 cores: 0.1 core; 32 c: 0.1 + 28 × 2.5% = 0.8 c; 96 c: 0.1 + 60 × 2.5% + 32 × 1.25% = 2 c;
		// 196 c: 0.1 + 1.5 + 0.8 + 68 × 0.5% = 2.74 c
		assertThat(ReserveModel.TKE.reservedCpuMillis(1000)).isEqualTo(100);
		assertThat(ReserveModel.TKE.reservedCpuMillis(4000)).isEqualTo(100);
		assertThat(ReserveModel.TKE.reservedCpuMillis(32000)).isEqualTo(800);
		assertThat(ReserveModel.TKE.reservedCpuMillis(96000)).isEqualTo(2000);
		assertThat(ReserveModel.TKE.reservedCpuMillis(196000)).isEqualTo(2740);
		// memory examples (MB as written = MiB): 2 G → 512, 8 G → 1843, 12 G → 2252, 32 G → 3645,
		// 320 G → 13475; + 100 MiB eviction
		assertThat(mib(ReserveModel.TKE.reservedMemoryBytes(2 * GIB, 61))).isEqualTo(512 + 100);
		assertThat(mib(ReserveModel.TKE.reservedMemoryBytes(8 * GIB, 61))).isEqualTo(1843 + 100);
		assertThat(mib(ReserveModel.TKE.reservedMemoryBytes(12 * GIB, 61))).isEqualTo(2252 + 100);
		assertThat(mib(ReserveModel.TKE.reservedMemoryBytes(32 * GIB, 61))).isEqualTo(3645 + 100);
		assertThat(mib(ReserveModel.TKE.reservedMemoryBytes(320 * GIB, 61))).isEqualTo(13475 + 100);
	}

	@Test
	void aOneCoreTwoGibNodeGivesUpAQuarterOfItsMemoryOnTke() {
		ReserveModel.Reserve reserve = ReserveModel.TKE.reserve(1000, 2 * GIB, 61);
		// 100 m of 1000 m = 10%; (512 + 100) MiB of 2048 MiB = 29.9%
		assertThat(reserve.cpuMillis()).isEqualTo(100);
		assertThat(reserve.memoryBytes()).isEqualTo(612 * MIB);
	}

	@Test
	void detectsTheProviderFromTheProviderIdOrItsLabels() {
		assertThat(ReserveModel.detect("qcloud:///200002/ins-1", Map.of())).isEqualTo(ReserveModel.TKE);
		assertThat(ReserveModel.detect("aws:///eu-west-1a/i-0abc", Map.of())).isEqualTo(ReserveModel.EKS);
		assertThat(ReserveModel.detect("gce://project/zone/vm", Map.of())).isEqualTo(ReserveModel.GKE);
		assertThat(ReserveModel.detect("azure:///subscriptions/x", Map.of())).isEqualTo(ReserveModel.AKS);
		assertThat(ReserveModel.detect(null, Map.of("eks.amazonaws.com/nodegroup", "ng"))).isEqualTo(ReserveModel.EKS);
		assertThat(ReserveModel.detect("kind://docker/kind/node", Map.of())).isNull();
		assertThat(ReserveModel.detect(null, Map.of())).isNull();
	}

	private static long mib(long bytes) {
		return bytes / MIB;
	}

}
