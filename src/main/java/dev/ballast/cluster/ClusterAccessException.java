package dev.ballast.cluster;

/**
 * Talking to a cluster failed in a way Ballast can name: the server could not be reached, did
 * not answer in time, refused the credential, or did not trust or was not trusted over TLS.
 */
public class ClusterAccessException extends Exception {

	/** Why the cluster could not be used. */
	public enum Reason {

		UNREACHABLE, TIMED_OUT, UNAUTHORIZED, FORBIDDEN, TLS, FAILED

	}

	private final Reason reason;

	public ClusterAccessException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
