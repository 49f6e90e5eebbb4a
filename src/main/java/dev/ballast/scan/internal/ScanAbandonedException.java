package dev.ballast.scan.internal;

/**
 * A scan was marked failed while it still ran (its progress went unwritten too long), so its
 * results are not stored.
 */
public class ScanAbandonedException extends RuntimeException {

	public ScanAbandonedException(long scanId) {
		super("Scan " + scanId + " was marked failed while it ran; its results were not stored.");
	}

}
