package dev.ballast.report;

/**
 * What a report may hold; a subscription chooses some.
 */
public enum ReportSection {

	/** Each cluster's grade, score and findings by severity, with its score trend. */
	FLEET,

	/** Findings new and fixed since the last report, per cluster. */
	CHANGES,

	/** The checks failing most. */
	CHECKS,

	/** Scans that failed, and clusters whose last landed scan is stale. */
	SCANS,

	/** Capacity warnings (CIDR exhaustion forecast, blast radius), where those analyses are stored. */
	CAPACITY,

	/** Isolation gaps, where that analysis is stored. */
	ISOLATION

}
