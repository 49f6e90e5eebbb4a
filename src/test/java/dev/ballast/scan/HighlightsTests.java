package dev.ballast.scan;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's "first lines and how many more" rule, shared by the taint, reachability and RBAC
 * highlights.
 */
class HighlightsTests {

	@Test
	void keepsTheFirstLinesAndCountsTheRestOnTheSamePage() {
		List<Highlight> lines = lines(7);
		List<Highlight> kept = Highlights.firstOf(lines, 5, "x.more");
		assertThat(kept).hasSize(6);
		assertThat(kept.subList(0, 5)).isEqualTo(lines.subList(0, 5));
		assertThat(kept.get(5)).isEqualTo(new Highlight(Highlight.ISOLATION, "info", "x.more", List.of(2), "/p"));
	}

	@Test
	void leavesAShortListAsItIs() {
		assertThat(Highlights.firstOf(lines(5), 5, "x.more")).isEqualTo(lines(5));
		assertThat(Highlights.firstOf(List.of(), 5, "x.more")).isEmpty();
	}

	private static List<Highlight> lines(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new Highlight(Highlight.ISOLATION, "warning", "x.line", List.of(i), "/p"))
			.toList();
	}

}
