package dev.ballast.cluster;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import okhttp3.OkHttpClient;

/**
 * Builds API clients from credentials, always with connect and read timeouts (client-java's
 * default read timeout is unlimited: one stuck list would hang a scan forever).
 */
final class KubernetesClients {

	private final Duration connectTimeout;

	private final Duration readTimeout;

	KubernetesClients(Duration connectTimeout, Duration readTimeout) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
	}

	ApiClient create(ClusterCredential credential) throws InvalidCredentialException {
		ApiClient client;
		if (credential instanceof ClusterCredential.Kubeconfig kubeconfig) {
			client = fromKubeconfig(kubeconfig);
		}
		else if (credential instanceof ClusterCredential.Token token) {
			client = fromToken(token);
		}
		else {
			client = inCluster();
		}
		OkHttpClient http = client.getHttpClient()
			.newBuilder()
			.connectTimeout(this.connectTimeout)
			.readTimeout(this.readTimeout)
			.callTimeout(this.readTimeout.multipliedBy(2))
			.build();
		client.setHttpClient(http);
		return client;
	}

	private ApiClient fromKubeconfig(ClusterCredential.Kubeconfig credential) throws InvalidCredentialException {
		KubeconfigContent.validate(credential.content());
		KubeConfig config;
		try {
			config = KubeConfig.loadKubeConfig(new StringReader(credential.content()));
		}
		catch (RuntimeException ex) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-unreadable", ex.getMessage());
		}
		if (credential.context() != null && !config.setContext(credential.context())) {
			throw new InvalidCredentialException("cluster.credential.unknown-context", credential.context());
		}
		if (config.getServer() == null) {
			throw new InvalidCredentialException("cluster.credential.no-server", String.valueOf(config.getCurrentContext()));
		}
		try {
			return ClientBuilder.kubeconfig(config).build();
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-unusable", String.valueOf(ex.getMessage()));
		}
	}

	private ApiClient fromToken(ClusterCredential.Token credential) throws InvalidCredentialException {
		if (!credential.server().startsWith("https://")) {
			throw new InvalidCredentialException("cluster.credential.server-not-https", credential.server());
		}
		ClientBuilder builder = new ClientBuilder().setBasePath(credential.server())
			.setAuthentication(new AccessTokenAuthentication(credential.token().strip()));
		if (credential.caPem() != null && !credential.caPem().isBlank()) {
			builder.setCertificateAuthority(credential.caPem().getBytes(StandardCharsets.UTF_8));
		}
		try {
			return builder.build();
		}
		catch (RuntimeException ex) {
			throw new InvalidCredentialException("cluster.credential.ca-unreadable", String.valueOf(ex.getMessage()));
		}
	}

	private ApiClient inCluster() throws InvalidCredentialException {
		try {
			return ClientBuilder.cluster().build();
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidCredentialException("cluster.credential.not-in-cluster", String.valueOf(ex.getMessage()));
		}
	}

}
