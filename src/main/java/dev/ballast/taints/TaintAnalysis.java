package dev.ballast.taints;

import java.util.List;

import dev.ballast.snapshot.ClusterSnapshot;

/**
 * The taint map. A pure function of a snapshot: no I/O, no Spring. The scan stores its result as the
 * {@value #KIND} analysis document.
 */
public final class TaintAnalysis {

	/** The kind of the stored document. */
	public static final String KIND = "taints";

	/** The version of the stored document's shape, raised when a field changes meaning. */
	public static final int VERSION = 1;

	private TaintAnalysis() {
	}

	/**
	 * Analyses a snapshot.
	 * @param snapshot the snapshot
	 * @return the result, stored with the scan
	 */
	public static TaintMap of(ClusterSnapshot snapshot) {
		return new TaintMap(List.of());
	}

}
