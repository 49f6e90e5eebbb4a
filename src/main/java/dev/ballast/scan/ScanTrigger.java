package dev.ballast.scan;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a scan started.
 */
public enum ScanTrigger {

	/** The cluster's cron schedule. */
	SCHEDULE,
	/** An operator pressed "Scan now". */
	MANUAL,
	/** A script asked through the API. */
	API;

	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
