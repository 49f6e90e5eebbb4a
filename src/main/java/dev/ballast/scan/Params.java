package dev.ballast.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads the query parameters of the scan API, refusing bad ones with a 400 that names the
 * parameter and says what it may be.
 */
final class Params {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	private Params() {
	}

	static int limit(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw ScanProblem.badParameter("limit", value, "a whole number from 1 to " + MAX_LIMIT);
	}

	/** A comma-separated list of words, each one of the allowed (in any case). */
	static List<String> words(String parameter, @Nullable String value, List<String> allowed) {
		List<String> words = list(value);
		for (String word : words) {
			if (!allowed.contains(word.toLowerCase(Locale.ROOT))) {
				throw ScanProblem.badParameter(parameter, value, "one or more of " + String.join(", ", allowed));
			}
		}
		return words.stream().map((word) -> word.toLowerCase(Locale.ROOT)).toList();
	}

	static String word(String parameter, @Nullable String value, String fallback, List<String> allowed) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String word = value.strip().toLowerCase(Locale.ROOT);
		if (!allowed.contains(word)) {
			throw ScanProblem.badParameter(parameter, value, "one of " + String.join(", ", allowed));
		}
		return word;
	}

	static List<String> list(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((word) -> !word.isEmpty()).toList();
	}

	static <E extends Enum<E>> List<E> enums(String parameter, @Nullable String value, Class<E> type) {
		List<String> allowed = Arrays.stream(type.getEnumConstants())
			.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
			.toList();
		return words(parameter, value, allowed).stream()
			.map((word) -> Enum.valueOf(type, word.toUpperCase(Locale.ROOT)))
			.toList();
	}

	static @Nullable Instant instant(String parameter, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ScanProblem.badParameter(parameter, value, "an ISO-8601 instant such as 2026-11-26T08:00:00Z");
		}
	}

	static @Nullable Long id(String parameter, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return parse(parameter, value, Long::parseLong, "a scan id, a whole number");
	}

	/** {@code yesterday}, {@code last-week}, or an ISO-8601 duration such as {@code P3D} or {@code PT6H}. */
	static Duration period(String parameter, @Nullable String value) {
		if (value == null || value.isBlank() || value.equalsIgnoreCase("yesterday")) {
			return Duration.ofDays(1);
		}
		if (value.equalsIgnoreCase("last-week")) {
			return Duration.ofDays(7);
		}
		Duration period = parse(parameter, value, Duration::parse,
				"yesterday, last-week, or an ISO-8601 duration such as P3D or PT6H");
		if (period.isNegative() || period.isZero()) {
			throw ScanProblem.badParameter(parameter, value, "a positive duration");
		}
		return period;
	}

	private static <T> T parse(String parameter, String value, Function<String, T> parser, String expected) {
		try {
			return parser.apply(value.strip());
		}
		catch (RuntimeException ex) {
			throw ScanProblem.badParameter(parameter, value, expected);
		}
	}

}
