package dev.ballast.cluster;

import java.util.List;

import org.springframework.stereotype.Service;

import io.kubernetes.client.openapi.ApiClient;

/**
 * API clients for registered clusters, for the modules that read clusters (the live snapshot):
 * built from the stored credential with Ballast's timeouts, plus API discovery.
 */
@Service
public class ClusterClients {

	private final ClusterRepository repository;

	private final CredentialCipher cipher;

	private final KubernetesClients clients;

	ClusterClients(ClusterRepository repository, CredentialCipher cipher, ClusterSettings settings) {
		this.repository = repository;
		this.cipher = cipher;
		this.clients = new KubernetesClients(settings.connectTimeout(), settings.readTimeout());
	}

	/**
	 * A client for the registered live cluster of that name. Build a new one for every scan:
	 * exec-plugin credentials (such as EKS tokens, valid 15 minutes) are fetched when the client
	 * is built.
	 * @throws ClusterNotFoundException no such cluster
	 * @throws InvalidCredentialException the cluster has no live credential, or it is unusable
	 */
	public ApiClient clientFor(String clusterName) {
		Cluster cluster = this.repository.findByName(clusterName)
			.orElseThrow(() -> new ClusterNotFoundException(clusterName));
		byte[] stored = cluster.credential();
		if (stored == null) {
			throw new InvalidCredentialException("cluster.credential.not-live", clusterName);
		}
		return this.clients.create(this.cipher.decrypt(stored));
	}

	/** A client for a credential that is not stored (tests, one-off use). */
	public ApiClient clientFor(ClusterCredential credential) {
		return this.clients.create(credential);
	}

	/** Every resource the server serves, in each group's preferred version. */
	public List<ServedResource> discover(ApiClient client) throws ClusterAccessException {
		return new KubernetesApi(client).discover();
	}

	/** The server's version, e.g. {@code v1.28.3}. */
	public String serverVersion(ApiClient client) throws ClusterAccessException {
		return new KubernetesApi(client).serverVersion();
	}

	/** Maps a client-java failure to a named reason (unreachable, timed out, TLS, 401, 403...). */
	public static ClusterAccessException translate(String doing, io.kubernetes.client.openapi.ApiException failure) {
		return KubernetesApi.translate(doing, failure);
	}

}
