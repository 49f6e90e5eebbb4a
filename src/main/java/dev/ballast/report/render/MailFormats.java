package dev.ballast.report.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * How the report writes times and changes; times in the subscription's zone, trend days in UTC
 * (as they are stored).
 */
final class MailFormats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private final ZoneId zone;

	MailFormats(ZoneId zone) {
		this.zone = zone;
	}

	public String zone() {
		return this.zone.getId();
	}

	public String time(@Nullable Instant at) {
		return (at != null) ? TIME.format(at.atZone(this.zone)) : "";
	}

	public String day(Instant at) {
		return DAY.format(at.atZone(ZoneOffset.UTC));
	}

	public String signed(int change) {
		return (change > 0) ? "+" + change : (change == 0) ? "±0" : String.valueOf(change);
	}

}
