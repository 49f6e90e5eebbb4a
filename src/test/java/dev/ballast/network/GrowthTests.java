package dev.ballast.network;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.network.Growth.Point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GrowthTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static Point at(int day, double value) {
		return new Point(T0.plusSeconds(day * 86_400L), value);
	}

	@Test
	void extendsTheFittedLineToExhaustion() {
		// 10, 12, 14 nodes on days 0, 1, 2: 2 nodes a day; 20 left → 10 days after day 2
		Growth growth = Growth.of(List.of(at(0, 10), at(1, 12), at(2, 14)), 20, T0.plusSeconds(2 * 86_400L));
		assertThat(growth.perDay()).isCloseTo(2.0, within(1e-9));
		assertThat(growth.daysLeft()).isCloseTo(10.0, within(1e-9));
		assertThat(growth.runsOutAt()).isEqualTo(Instant.parse("2026-01-13T00:00:00Z"));
	}

	@Test
	void fitsByLeastSquares() {
		// x = 0,1,2,3; y = 1,3,2,4: Σx = 6, Σy = 10, Σx² = 14, Σxy = 0 + 3 + 4 + 12 = 19
		// slope = (4·19 − 6·10) / (4·14 − 6²) = (76 − 60) / 20 = 0.8 per day; 8 left → 10 days
		Growth growth = Growth.of(List.of(at(0, 1), at(1, 3), at(2, 2), at(3, 4)), 8, T0);
		assertThat(growth.perDay()).isCloseTo(0.8, within(1e-9));
		assertThat(growth.daysLeft()).isCloseTo(10.0, within(1e-9));
	}

	@Test
	void recordsNoGrowthWhenFlatShrinkingOrTooShort() {
		assertThat(Growth.of(List.of(at(0, 5), at(1, 5)), 10, T0).runsOutAt()).isNull();
		assertThat(Growth.of(List.of(at(0, 6), at(1, 5)), 10, T0).runsOutAt()).isNull();
		assertThat(Growth.of(List.of(at(0, 5)), 10, T0).points()).isEqualTo(1);
		assertThat(Growth.of(List.of(), 10, T0).runsOutAt()).isNull();
		// two scans a minute apart: too short a span to call a rate
		Growth minute = Growth.of(List.of(new Point(T0, 1.0), new Point(T0.plusSeconds(60), 50.0)), 10, T0);
		assertThat(minute.perDay()).isZero();
	}

	@Test
	void saysExhaustedNowWhenNothingIsLeft() {
		Growth growth = Growth.of(List.of(at(0, 1), at(1, 2)), 0, T0);
		assertThat(growth.daysLeft()).isZero();
		assertThat(growth.runsOutAt()).isEqualTo(T0);
	}

}
