package dev.ballast.scan.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTests {

	@Test
	void spreadsScoresEvenlyWithHundredAtTheTop() {
		Sparkline line = Sparkline.of(List.of(100, 50, 0), 100, 24);
		assertThat(line.points()).isEqualTo("0.0,2.0 50.0,12.0 100.0,22.0");
		assertThat(line.first()).isEqualTo(100);
		assertThat(line.last()).isZero();
		assertThat(line.min()).isZero();
		assertThat(line.max()).isEqualTo(100);
		assertThat(line.viewBox()).isEqualTo("0 0 100 24");
	}

	@Test
	void drawsASingleScoreAsAFlatLine() {
		Sparkline line = Sparkline.of(List.of(75), 120, 32);
		assertThat(line.points()).isEqualTo("0.0,9.0 120.0,9.0");
		assertThat(line.first()).isEqualTo(75).isEqualTo(line.last());
	}

	@Test
	void isEmptyWithoutScores() {
		Sparkline line = Sparkline.of(List.of());
		assertThat(line.isEmpty()).isTrue();
		assertThat(line.last()).isEqualTo(-1);
		assertThat(Sparkline.of(List.of(1)).isEmpty()).isFalse();
	}

	@Test
	void keepsOutOfRangeScoresInsideTheDrawing() {
		assertThat(Sparkline.of(List.of(-5, 130), 10, 24).points()).isEqualTo("0.0,22.0 10.0,2.0");
	}

}
