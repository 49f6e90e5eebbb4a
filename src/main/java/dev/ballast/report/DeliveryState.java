package dev.ballast.report;

/**
 * Where a delivery stands.
 */
enum DeliveryState {

	/** Being rendered and sent. */
	PENDING,

	/** Accepted by the SMTP server. */
	SENT,

	/** Not sent, with the reason; retried later while attempts remain. */
	FAILED,

	/** Not sent on purpose: nothing changed and the subscription asks only for changes. */
	SKIPPED

}
