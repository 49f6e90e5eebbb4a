package dev.ballast.network;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A growth rate fitted to past scans by least squares, and when it exhausts what is left.
 *
 * @param points the scans it was fitted to
 * @param days the span of those scans in days
 * @param first the first value
 * @param last the last value
 * @param perDay the slope: growth per day, {@code 0} when there was too little to fit
 * @param daysLeft {@code left ÷ perDay}; {@code null} without growth
 * @param runsOutAt {@code now + daysLeft}; {@code null} without growth
 */
public record Growth(int points, double days, double first, double last, double perDay, @Nullable Double daysLeft,
		@Nullable Instant runsOutAt) {

	/**
	 * Fits a line to the points and extends it until {@code left} more is used.
	 * @param points the series, oldest first; {@code null} values are skipped
	 * @param left how much more can be used (nodes that can still join, free pod IPs)
	 * @param now the moment the forecast starts from
	 * @return the growth; {@code perDay} 0 and no date when fewer than 2 points, a span under an
	 * hour, or no growth
	 */
	public static Growth of(List<Point> points, double left, Instant now) {
		List<Point> usable = points.stream().filter((p) -> p.value() != null).toList();
		if (usable.size() < 2) {
			return new Growth(usable.size(), 0, usable.isEmpty() ? 0 : usable.get(0).value(),
					usable.isEmpty() ? 0 : usable.get(0).value(), 0, null, null);
		}
		Instant origin = usable.get(0).at();
		double n = usable.size();
		double sx = 0;
		double sy = 0;
		double sxx = 0;
		double sxy = 0;
		for (Point point : usable) {
			double x = Duration.between(origin, point.at()).toSeconds() / 86_400.0;
			double y = point.value();
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
		}
		double span = Duration.between(origin, usable.get(usable.size() - 1).at()).toSeconds() / 86_400.0;
		double denominator = n * sxx - sx * sx;
		double slope = (span * 24 < 1 || denominator == 0) ? 0 : (n * sxy - sx * sy) / denominator;
		double first = usable.get(0).value();
		double last = usable.get(usable.size() - 1).value();
		if (slope <= 1e-9) {
			return new Growth(usable.size(), span, first, last, Math.max(0, slope), null, null);
		}
		double daysLeft = Math.max(0, left) / slope;
		Instant at = (daysLeft > 365 * 100) ? null : now.plusSeconds((long) (daysLeft * 86_400));
		return new Growth(usable.size(), span, first, last, slope, daysLeft, at);
	}

	/**
	 * One value at one moment.
	 *
	 * @param at when
	 * @param value the value, {@code null} when the scan stored none
	 */
	public record Point(Instant at, @Nullable Double value) {
	}

}
