package dev.ballast.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * No snapshot could be taken, for a reason a user can act on; the message says which.
 */
public class SnapshotFailedException extends RuntimeException {

	public SnapshotFailedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
