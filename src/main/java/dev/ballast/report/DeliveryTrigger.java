package dev.ballast.report;

/**
 * Why a mail was sent.
 */
enum DeliveryTrigger {

	/** The subscription's schedule. */
	SCHEDULE,

	/** Someone pressed "Send now" (or called the API). */
	MANUAL,

	/** A test mail from the SMTP settings. */
	TEST

}
