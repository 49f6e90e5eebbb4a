package dev.ballast.audit.internal;

/**
 * Bad input to the audit: arguments, configuration or manifests. The command prints the message
 * and exits with 2.
 */
public class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}

}
