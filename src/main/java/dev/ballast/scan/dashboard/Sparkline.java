package dev.ballast.scan.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * A small score trend drawn as an SVG polyline by the template: the points are computed here so
 * the page needs no script. Scores run from 0 (bottom) to 100 (top); points are spaced evenly left
 * to right; a single score is drawn as a flat line.
 *
 * @param points the polyline's {@code points} attribute, e.g. {@code "0.0,30.0 60.0,12.0"}; empty
 * without scores
 * @param width the drawing's width
 * @param height the drawing's height
 * @param first the first score, or -1 without scores
 * @param last the last score, or -1 without scores
 * @param min the lowest score, or -1 without scores
 * @param max the highest score, or -1 without scores
 */
public record Sparkline(String points, int width, int height, int first, int last, int min, int max) {

	static final int WIDTH = 120;

	static final int HEIGHT = 32;

	/** Keeps the line off the top and bottom edges, so a stroke at 0 or 100 is drawn whole. */
	private static final double PAD = 2;

	static Sparkline of(List<Integer> scores) {
		return of(scores, WIDTH, HEIGHT);
	}

	static Sparkline of(List<Integer> scores, int width, int height) {
		if (scores.isEmpty()) {
			return new Sparkline("", width, height, -1, -1, -1, -1);
		}
		List<Integer> drawn = (scores.size() == 1) ? List.of(scores.get(0), scores.get(0)) : scores;
		StringBuilder points = new StringBuilder();
		double step = (double) width / (drawn.size() - 1);
		for (int i = 0; i < drawn.size(); i++) {
			int score = Math.max(0, Math.min(100, drawn.get(i)));
			double x = i * step;
			double y = PAD + (100 - score) * (height - 2 * PAD) / 100.0;
			if (i > 0) {
				points.append(' ');
			}
			points.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
		}
		int min = scores.stream().mapToInt(Integer::intValue).min().orElse(-1);
		int max = scores.stream().mapToInt(Integer::intValue).max().orElse(-1);
		return new Sparkline(points.toString(), width, height, scores.get(0), scores.get(scores.size() - 1), min,
				max);
	}

	public boolean isEmpty() {
		return this.points.isEmpty();
	}

	/** The drawing's {@code viewBox}. */
	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

}
