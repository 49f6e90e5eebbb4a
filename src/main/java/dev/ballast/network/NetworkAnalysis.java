package dev.ballast.network;

import java.util.List;

import dev.ballast.snapshot.ClusterSnapshot;

/**
 * The network model and its address capacity. A pure function of a snapshot: no I/O, no Spring. The scan stores its result as the
 * {@value #KIND} analysis document.
 */
public final class NetworkAnalysis {

	/** The kind of the stored document. */
	public static final String KIND = "network";

	/** The version of the stored document's shape, raised when a field changes meaning. */
	public static final int VERSION = 1;

	private NetworkAnalysis() {
	}

	/**
	 * Analyses a snapshot.
	 * @param snapshot the snapshot
	 * @return the result, stored with the scan
	 */
	public static NetworkReport of(ClusterSnapshot snapshot) {
		return new NetworkReport(List.of());
	}

}
