package dev.ballast.snapshot.internal;

/**
 * Byte counts for messages.
 */
public final class Sizes {

	private Sizes() {
	}

	/**
	 * A byte count as people write it.
	 * @param bytes the count
	 * @return e.g. {@code 50 MiB} or {@code 1536 bytes}
	 */
	public static String text(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MiB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return (bytes / 1024) + " KiB";
		}
		return bytes + " bytes";
	}

}
