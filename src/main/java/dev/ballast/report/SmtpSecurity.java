package dev.ballast.report;

/**
 * How the connection to the SMTP server is protected.
 */
enum SmtpSecurity {

	/** Plain SMTP (e.g. Mailpit on port 1025). */
	NONE,

	/** Plain connection upgraded with STARTTLS, required (usually port 587). */
	STARTTLS,

	/** TLS from the first byte, "SMTPS" (usually port 465). */
	TLS

}
