package dev.ballast.snapshot;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A Service.
 *
 * @param namespace the namespace
 * @param name the name
 * @param type {@code ClusterIP}, {@code NodePort}, {@code LoadBalancer} or {@code ExternalName}
 * (as written; {@code null} means the default ClusterIP)
 * @param selector the pod selector; {@code null} when the Service has none (endpoints are managed
 * by hand)
 * @param ports ports
 * @param clusterIps cluster IPs ({@code None} for a headless Service)
 * @param externalName the DNS name of an ExternalName Service
 * @param labels labels
 * @param annotations annotations
 */
public record Service(String namespace, String name, @Nullable String type, @Nullable Map<String, String> selector,
		List<Port> ports, List<String> clusterIps, @Nullable String externalName, Map<String, String> labels,
		Map<String, String> annotations) {

	/**
	 * Whether the Service is headless ({@code clusterIP: None}).
	 * @return {@code true} if headless
	 */
	public boolean headless() {
		return this.clusterIps.contains("None");
	}

	/**
	 * A service port.
	 *
	 * @param name the name, if any
	 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP} (as written)
	 * @param port the port
	 * @param targetPort the target port, number or name (as written)
	 * @param nodePort the node port, if any
	 */
	public record Port(@Nullable String name, @Nullable String protocol, int port, @Nullable String targetPort,
			@Nullable Integer nodePort) {
	}

}
