package dev.ballast.snapshot;

import java.util.Objects;

/**
 * A kind the snapshot could not hold: every page that depends on it says so instead of showing
 * a wrong number.
 *
 * @param kind the kind, e.g. {@code NetworkPolicy}
 * @param reason why it is missing
 * @param message what the server or the reader said
 */
public record Gap(String kind, Reason reason, String message) {

	public Gap {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(message, "message");
	}

	/** Why a kind is missing from a snapshot. */
	public enum Reason {

		/** The credentials may not list it (403). */
		FORBIDDEN,
		/** The server does not serve it (404: older API version, optional API such as metrics). */
		NOT_SERVED,
		/** Listing failed for another reason. */
		FAILED,
		/** Listing did not finish in time. */
		TIMED_OUT

	}

}
