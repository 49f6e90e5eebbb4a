package dev.ballast.snapshot;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An Ingress reduced to its routes (from networking.k8s.io/v1, or v1beta1 and extensions/v1beta1
 * in old dumps).
 *
 * @param namespace the namespace
 * @param name the name
 * @param className {@code spec.ingressClassName}, else the {@code kubernetes.io/ingress.class}
 * annotation
 * @param routes every host and path with its backend, the default backend with host and path
 * {@code null}
 * @param tlsHosts hosts named in {@code spec.tls}
 * @param labels labels
 * @param annotations annotations
 */
public record Ingress(String namespace, String name, @Nullable String className, List<Route> routes,
		List<String> tlsHosts, Map<String, String> labels, Map<String, String> annotations) {

	/**
	 * One route to a backend.
	 *
	 * @param host the host, {@code null} for any
	 * @param path the path, {@code null} for the default backend
	 * @param service the backend Service, {@code null} for a resource backend
	 * @param port the Service port, number or name
	 */
	public record Route(@Nullable String host, @Nullable String path, @Nullable String service,
			@Nullable String port) {
	}

}
