package dev.ballast.sizing;

import java.util.List;

import dev.ballast.snapshot.ClusterSnapshot;

/**
 * Node pools, their shapes and use, blast radius. A pure function of a snapshot: no I/O, no Spring. The scan stores its result as the
 * {@value #KIND} analysis document.
 */
public final class SizingAnalysis {

	/** The kind of the stored document. */
	public static final String KIND = "sizing";

	/** The version of the stored document's shape, raised when a field changes meaning. */
	public static final int VERSION = 1;

	private SizingAnalysis() {
	}

	/**
	 * Analyses a snapshot.
	 * @param snapshot the snapshot
	 * @return the result, stored with the scan
	 */
	public static SizingReport of(ClusterSnapshot snapshot) {
		return new SizingReport(List.of());
	}

}
