package dev.ballast.checks;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How much a failing check matters, and so how much it costs a score ({@link Scoring}).
 */
public enum Severity {

	/** Fix now: a likely outage or a security hole. */
	DANGER(0.75),
	/** Fix soon: a weakness that will hurt under load, during a failure or in an audit. */
	WARNING(0.97),
	/** Worth knowing; never lowers a score. */
	INFO(1.0);

	private final double factor;

	Severity(double factor) {
		this.factor = factor;
	}

	/**
	 * What one failing check of this severity multiplies a score by.
	 * @return the factor, 1 for info
	 */
	public double factor() {
		return this.factor;
	}

	/**
	 * The lower-case name used in configuration, the UI and reports.
	 * @return e.g. {@code danger}
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether this severity is at least as severe as another.
	 * @param other the other severity
	 * @return {@code true} if this is as severe or more
	 */
	public boolean atLeast(Severity other) {
		return ordinal() <= other.ordinal();
	}

	/**
	 * Parses {@code danger}, {@code warning} or {@code info}, in any case.
	 * @param text the text
	 * @return the severity, or {@code null} if the text names none
	 */
	public static @Nullable Severity parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		for (Severity severity : values()) {
			if (severity.key().equalsIgnoreCase(text.trim())) {
				return severity;
			}
		}
		return null;
	}

}
