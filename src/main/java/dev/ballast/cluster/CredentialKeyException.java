package dev.ballast.cluster;

/**
 * The key that encrypts cluster credentials is missing, malformed or not the one they were
 * encrypted with.
 */
public class CredentialKeyException extends IllegalStateException {

	static final String MISSING = "No ballast.cluster.credentials-key is configured, so cluster credentials cannot be "
			+ "encrypted or read. Set it (environment BALLAST_CLUSTER_CREDENTIALS_KEY) to 32 random bytes in base64, "
			+ "e.g. from 'openssl rand -base64 32', and keep it safe: without it stored credentials are lost.";

	static final String MALFORMED = "ballast.cluster.credentials-key must be 32 random bytes in base64 "
			+ "(e.g. from 'openssl rand -base64 32').";

	public CredentialKeyException(String message) {
		super(message);
	}

}
