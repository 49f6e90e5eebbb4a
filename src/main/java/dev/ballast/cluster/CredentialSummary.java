package dev.ballast.cluster;

import java.io.StringReader;

import io.kubernetes.client.util.KubeConfig;

/**
 * What may be shown of a credential once stored: its kind, context and server, never the secret.
 */
final class CredentialSummary {

	private CredentialSummary() {
	}

	static String of(ClusterCredential credential) {
		if (credential instanceof ClusterCredential.Kubeconfig kubeconfig) {
			KubeConfig config = load(kubeconfig);
			return "kubeconfig, context " + config.getCurrentContext();
		}
		if (credential instanceof ClusterCredential.Token token) {
			return "bearer token" + ((token.caPem() == null || token.caPem().isBlank()) ? "" : " and CA certificate");
		}
		return "in-cluster service account";
	}

	static String server(ClusterCredential credential) {
		if (credential instanceof ClusterCredential.Kubeconfig kubeconfig) {
			return String.valueOf(load(kubeconfig).getServer());
		}
		if (credential instanceof ClusterCredential.Token token) {
			return token.server();
		}
		return "https://kubernetes.default.svc";
	}

	private static KubeConfig load(ClusterCredential.Kubeconfig kubeconfig) {
		KubeConfig config = KubeConfig.loadKubeConfig(new StringReader(kubeconfig.content()));
		if (kubeconfig.context() != null) {
			config.setContext(kubeconfig.context());
		}
		return config;
	}

}
