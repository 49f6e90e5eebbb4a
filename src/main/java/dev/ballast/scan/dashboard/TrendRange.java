package dev.ballast.scan.dashboard;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The periods the cluster page's score trend can show, each with the step its points are rolled
 * up by.
 */
public enum TrendRange {

	DAY("24h", Duration.ofHours(24), "hour"), WEEK("7d", Duration.ofDays(7), "hour"),
	MONTH("30d", Duration.ofDays(30), "day"), QUARTER("90d", Duration.ofDays(90), "day"),
	YEAR("1y", Duration.ofDays(365), "week");

	static final TrendRange DEFAULT = MONTH;

	private final String key;

	private final Duration period;

	private final String step;

	TrendRange(String key, Duration period, String step) {
		this.key = key;
		this.period = period;
		this.step = step;
	}

	/** The range named by a request parameter; an unknown or missing name gives the default. */
	static TrendRange of(@Nullable String key) {
		for (TrendRange range : values()) {
			if (range.key.equals(key)) {
				return range;
			}
		}
		return DEFAULT;
	}

	public String key() {
		return this.key;
	}

	Duration period() {
		return this.period;
	}

	String step() {
		return this.step;
	}

}
