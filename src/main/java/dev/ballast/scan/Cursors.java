package dev.ballast.scan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import dev.ballast.scan.internal.HistoryQueries.Position;

/**
 * Opaque pagination cursors: where the previous page ended, base64url-encoded. A cursor that
 * cannot be read is a 400 naming the {@code cursor} parameter.
 */
final class Cursors {

	private Cursors() {
	}

	static String of(Position position) {
		return encode("f:" + position.scanId() + ":" + position.seq());
	}

	static String ofScan(long scanId) {
		return encode("s:" + scanId);
	}

	static @Nullable Position position(@Nullable String cursor) {
		long[] numbers = numbers(cursor, "f", 2);
		if (numbers == null) {
			return null;
		}
		if (numbers[1] != (int) numbers[1]) {
			throw invalid(String.valueOf(cursor));
		}
		return new Position(numbers[0], (int) numbers[1]);
	}

	static @Nullable Long scan(@Nullable String cursor) {
		long[] numbers = numbers(cursor, "s", 1);
		return (numbers == null) ? null : numbers[0];
	}

	/** The numbers of a cursor of a kind, or {@code null} without a cursor. */
	private static long @Nullable [] numbers(@Nullable String cursor, String kind, int count) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		String[] parts = decode(cursor).split(":");
		if (parts.length != count + 1 || !parts[0].equals(kind)) {
			throw invalid(cursor);
		}
		try {
			long[] numbers = new long[count];
			for (int i = 0; i < count; i++) {
				numbers[i] = Long.parseLong(parts[i + 1]);
			}
			return numbers;
		}
		catch (NumberFormatException ex) {
			throw invalid(cursor);
		}
	}

	private static String encode(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cursor) {
		try {
			return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(cursor);
		}
	}

	private static ScanProblem invalid(String cursor) {
		return ScanProblem.badParameter("cursor", cursor, "the nextCursor of a previous page");
	}

}
