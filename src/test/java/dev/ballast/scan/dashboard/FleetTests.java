package dev.ballast.scan.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.ballast.cluster.Cluster;
import dev.ballast.scan.ClusterScanState;
import dev.ballast.scan.Scan;
import dev.ballast.scan.ScanState;
import dev.ballast.scan.ScanTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A cluster's state on the dashboard, and the order of the fleet's cards.
 */
class FleetTests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	private static final Duration STALE_AFTER = Duration.ofHours(26);

	@Test
	void aRecentLandedScanIsOkOrPartial() {
		Scan ok = scan(1, ScanState.OK, NOW.minus(Duration.ofHours(25)));
		assertThat(ClusterScanState.of(ok, ok, null, NOW, STALE_AFTER)).isEqualTo("ok");
		Scan partial = scan(2, ScanState.PARTIAL, NOW.minus(Duration.ofMinutes(5)));
		assertThat(ClusterScanState.of(partial, partial, null, NOW, STALE_AFTER)).isEqualTo("partial");
	}

	@Test
	void aLandedScanOlderThanTheThresholdIsStale() {
		Scan old = scan(1, ScanState.OK, NOW.minus(Duration.ofHours(27)));
		assertThat(ClusterScanState.of(old, old, null, NOW, STALE_AFTER)).isEqualTo("stale");
		assertThat(ClusterScanState.of(old, old, null, NOW, Duration.ofHours(48))).isEqualTo("ok");
	}

	@Test
	void aFailedLastScanWinsOverAnEarlierLandedOne() {
		Scan landed = scan(1, ScanState.OK, NOW.minus(Duration.ofHours(2)));
		Scan failed = scan(2, ScanState.FAILED, NOW.minus(Duration.ofHours(1)));
		assertThat(ClusterScanState.of(failed, landed, null, NOW, STALE_AFTER)).isEqualTo("failed");
		assertThat(ClusterScanState.of(failed, null, null, NOW, STALE_AFTER)).isEqualTo("failed");
	}

	@Test
	void withoutALandedScanItIsRunningOrNotScanned() {
		assertThat(ClusterScanState.of(null, null, 7L, NOW, STALE_AFTER)).isEqualTo("running");
		assertThat(ClusterScanState.of(null, null, null, NOW, STALE_AFTER)).isEqualTo("none");
	}

	@Test
	void ordersFailedAndStaleFirstThenByScoreThenUnscanned() {
		List<FleetCard> cards = new ArrayList<>(List.of(card("never", "none", null), card("good", "ok", 95),
				card("bad", "ok", 40), card("old", "stale", 99), card("mid", "partial", 70),
				card("broken", "failed", 90)));
		cards.sort(Fleet.ORDER);
		assertThat(cards).extracting((card) -> card.cluster().getName())
			.containsExactly("broken", "old", "bad", "mid", "good", "never");
	}

	private static FleetCard card(String name, String state, @Nullable Integer score) {
		Cluster cluster = mock(Cluster.class);
		given(cluster.getName()).willReturn(name);
		Scan landed = (score != null) ? scan(1, ScanState.OK, NOW, score) : null;
		return new FleetCard(cluster, state, landed, landed, null, Sparkline.of(List.of()), null, List.of());
	}

	private static Scan scan(long id, ScanState state, Instant finished) {
		return scan(id, state, finished, 80);
	}

	private static Scan scan(long id, ScanState state, Instant finished, int score) {
		Scan.Result result = state.landed() ? new Scan.Result(score, "B", 0, 0, 0, 0, 1, 1, 1, 1, null) : null;
		return new Scan(id, "c", state, ScanTrigger.MANUAL, "me", finished.minusSeconds(10), finished, 10_000L,
				new Scan.Progress("done", 0, 0, 0, finished), result, List.of(), List.of(),
				state == ScanState.FAILED ? "boom" : null, null);
	}

}
