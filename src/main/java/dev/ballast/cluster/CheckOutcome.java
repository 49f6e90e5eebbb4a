package dev.ballast.cluster;

/**
 * The outcome of the last connection test of a cluster.
 */
public enum CheckOutcome {

	/** Reachable, and the credential can only read. */
	READ_ONLY,
	/** Reachable, but the credential can write, read Secrets or exec: refused unless overridden. */
	WRITE_CAPABLE,
	UNREACHABLE, TIMED_OUT, UNAUTHORIZED, FORBIDDEN, TLS, FAILED;

	static CheckOutcome of(ClusterAccessException.Reason reason) {
		return valueOf(reason.name());
	}

	public boolean reachable() {
		return this == READ_ONLY || this == WRITE_CAPABLE;
	}

}
