package dev.ballast.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Service;

import io.kubernetes.client.openapi.ApiClient;

/**
 * Connects with a credential and reports what an administrator needs before trusting it:
 * server version, node count, latency, and the read-only self-check. Reads only; the access
 * reviews it creates are questions, not objects.
 */
@Service
public class ConnectionTester {

	private final KubernetesClients clients;

	private final ClusterSettings settings;

	private final Clock clock;

	ConnectionTester(ClusterSettings settings) {
		this.settings = settings;
		this.clients = new KubernetesClients(settings.connectTimeout(), settings.readTimeout());
		this.clock = Clock.systemUTC();
	}

	public ConnectionReport test(ClusterCredential credential)
			throws InvalidCredentialException, ClusterAccessException {
		ApiClient client = this.clients.create(credential);
		KubernetesApi api = new KubernetesApi(client);
		long start = System.nanoTime();
		String version = api.serverVersion();
		Duration latency = Duration.ofNanos(System.nanoTime() - start);
		List<ServedResource> served = api.discover();
		List<String> namespaces = api.sampleNamespaces(this.settings.namespaceSample());
		ReadOnlyVerdict verdict = new ReadOnlySelfCheck(this.clock).check(served, namespaces, api);
		int nodes = verdict.unreadable().stream().anyMatch((p) -> p.resource().equals("nodes")) ? -1 : api.countNodes();
		return new ConnectionReport(version, nodes, latency, verdict);
	}

}
