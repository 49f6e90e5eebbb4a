package dev.ballast.isolation;

import java.util.List;

import dev.ballast.snapshot.ClusterSnapshot;

/**
 * Namespace posture, reachability and RBAC. A pure function of a snapshot: no I/O, no Spring. The scan stores its result as the
 * {@value #KIND} analysis document.
 */
public final class IsolationAnalysis {

	/** The kind of the stored document. */
	public static final String KIND = "isolation";

	/**
	 * The version of the stored document's shape, raised when a field changes meaning. Version 1
	 * held no results; scans stored with it read as "no such analysis".
	 */
	public static final int VERSION = 2;

	private IsolationAnalysis() {
	}

	/**
	 * Analyses a snapshot.
	 * @param snapshot the snapshot
	 * @return the result, stored with the scan
	 */
	public static IsolationReport of(ClusterSnapshot snapshot) {
		return new IsolationReport(List.of(), NetworkIsolation.of(snapshot), RbacReport.of(snapshot));
	}

}
