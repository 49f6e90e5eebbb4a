package dev.ballast.cluster;

import org.jspecify.annotations.Nullable;

/**
 * How Ballast reaches a cluster. Held in memory only while used; stored encrypted.
 */
public sealed interface ClusterCredential {

	/**
	 * A kubeconfig file's content and the context to use (its current context when null).
	 * Client certificates, bearer tokens and exec credential plugins work as in kubectl.
	 */
	record Kubeconfig(String content, @Nullable String context) implements ClusterCredential {
	}

	/**
	 * An API server address, a bearer token and the PEM of the CA that signed the server's
	 * certificate (null to trust the JVM's default CAs).
	 */
	record Token(String server, String token, @Nullable String caPem) implements ClusterCredential {
	}

	/** The service account Ballast runs as, when it runs inside the cluster. */
	record InCluster() implements ClusterCredential {
	}

}
