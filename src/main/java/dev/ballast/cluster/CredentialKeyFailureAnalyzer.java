package dev.ballast.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a missing or malformed credentials key at startup in plain words.
 */
class CredentialKeyFailureAnalyzer extends AbstractFailureAnalyzer<CredentialKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CredentialKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set BALLAST_CLUSTER_CREDENTIALS_KEY (or --ballast.cluster.credentials-key) to the key the credentials "
						+ "were stored with.",
				cause);
	}

}
