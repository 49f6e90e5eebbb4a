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
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		String[] parts = decode(cursor).split(":");
		if (parts.length != 3 || !parts[0].equals("f")) {
			throw invalid(cursor);
		}
		try {
			return new Position(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
		}
		catch (NumberFormatException ex) {
			throw invalid(cursor);
		}
	}

	static @Nullable Long scan(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		String[] parts = decode(cursor).split(":");
		if (parts.length != 2 || !parts[0].equals("s")) {
			throw invalid(cursor);
		}
		try {
			return Long.parseLong(parts[1]);
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
