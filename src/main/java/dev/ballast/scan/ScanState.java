package dev.ballast.scan;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a scan stands.
 */
public enum ScanState {

	/** Taking the snapshot, running the analyses or storing them. */
	RUNNING,
	/** Stored whole: every kind was read. */
	OK,
	/** Stored, but some kinds could not be read (the scan's gaps say which and why). */
	PARTIAL,
	/** Nothing stored; the scan's error says why. */
	FAILED;

	public boolean finished() {
		return this != RUNNING;
	}

	public boolean landed() {
		return this == OK || this == PARTIAL;
	}

	/** The lower-case name used in the API and the pages. */
	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
