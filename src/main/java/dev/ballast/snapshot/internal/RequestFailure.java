package dev.ballast.snapshot.internal;

import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Gap;

/**
 * A request the collector gave up on, with the reason a gap records.
 */
public final class RequestFailure extends Exception {

	private final Gap.Reason reason;

	private final int status;

	RequestFailure(Gap.Reason reason, int status, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.status = status;
	}

	public Gap.Reason reason() {
		return this.reason;
	}

	/**
	 * The HTTP status of the last answer.
	 * @return the status, or 0 when there was none (connection failed, timed out)
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Whether the list's continue token expired ({@code 410 Gone}): list again from the start.
	 * @return whether the server answered 410
	 */
	public boolean gone() {
		return this.status == 410;
	}

	@Override
	public String getMessage() {
		return String.valueOf(super.getMessage());
	}

}
