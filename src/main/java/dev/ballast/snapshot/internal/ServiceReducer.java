package dev.ballast.snapshot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1Endpoint;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1EndpointSubset;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.EndpointCount;
import dev.ballast.snapshot.Ingress;
import dev.ballast.snapshot.Service;

/**
 * Reduces Services, their endpoints and Ingresses.
 */
public final class ServiceReducer {

	/** The label linking an EndpointSlice to its Service. */
	public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

	private final Interner interner;

	public ServiceReducer(Interner interner) {
		this.interner = interner;
	}

	public Service service(V1Service service) {
		V1ObjectMeta metadata = meta(service.getMetadata());
		V1ServiceSpec spec = (service.getSpec() != null) ? service.getSpec() : new V1ServiceSpec();
		List<Service.Port> ports = new ArrayList<>();
		for (V1ServicePort port : list(spec.getPorts())) {
			if (port != null && port.getPort() != null) {
				ports.add(new Service.Port(port.getName(), port.getProtocol(), port.getPort(),
						WorkloadReducer.text(port.getTargetPort()), port.getNodePort()));
			}
		}
		List<String> clusterIps = (spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty())
				? List.copyOf(spec.getClusterIPs())
				: ((spec.getClusterIP() != null) ? List.of(spec.getClusterIP()) : List.of());
		Map<String, String> selector = (spec.getSelector() != null && !spec.getSelector().isEmpty())
				? this.interner.map(spec.getSelector()) : null;
		return new Service(namespace(metadata), String.valueOf(metadata.getName()), this.interner.string(spec.getType()),
				selector, List.copyOf(ports), clusterIps, spec.getExternalName(), this.interner.map(metadata.getLabels()),
				this.interner.map(metadata.getAnnotations()));
	}

	/**
	 * Ready and not-ready endpoints of one EndpointSlice.
	 * @param slice the slice
	 * @return the count for its Service, or {@code null} if it names none
	 */
	public @Nullable EndpointCount slice(V1EndpointSlice slice) {
		V1ObjectMeta metadata = meta(slice.getMetadata());
		String service = (metadata.getLabels() != null) ? metadata.getLabels().get(SERVICE_NAME_LABEL) : null;
		if (service == null) {
			return null;
		}
		int ready = 0;
		int notReady = 0;
		for (V1Endpoint endpoint : list(slice.getEndpoints())) {
			boolean isReady = endpoint == null || endpoint.getConditions() == null
					|| !Boolean.FALSE.equals(endpoint.getConditions().getReady());
			if (isReady) {
				ready++;
			}
			else {
				notReady++;
			}
		}
		return new EndpointCount(namespace(metadata), this.interner.intern(service), ready, notReady);
	}

	public EndpointCount endpoints(V1Endpoints endpoints) {
		V1ObjectMeta metadata = meta(endpoints.getMetadata());
		int ready = 0;
		int notReady = 0;
		for (V1EndpointSubset subset : list(endpoints.getSubsets())) {
			if (subset != null) {
				ready += list(subset.getAddresses()).size();
				notReady += list(subset.getNotReadyAddresses()).size();
			}
		}
		return new EndpointCount(namespace(metadata), this.interner.intern(String.valueOf(metadata.getName())), ready,
				notReady);
	}

	public Ingress ingress(V1Ingress ingress) {
		V1ObjectMeta metadata = meta(ingress.getMetadata());
		V1IngressSpec spec = (ingress.getSpec() != null) ? ingress.getSpec() : new V1IngressSpec();
		List<Ingress.Route> routes = new ArrayList<>();
		if (spec.getDefaultBackend() != null) {
			routes.add(route(null, null, spec.getDefaultBackend()));
		}
		for (V1IngressRule rule : list(spec.getRules())) {
			if (rule != null && rule.getHttp() != null) {
				for (V1HTTPIngressPath path : list(rule.getHttp().getPaths())) {
					if (path != null) {
						routes.add(route(rule.getHost(), (path.getPath() != null) ? path.getPath() : "/", path.getBackend()));
					}
				}
			}
		}
		List<String> tlsHosts = new ArrayList<>();
		for (V1IngressTLS tls : list(spec.getTls())) {
			if (tls != null) {
				tlsHosts.addAll(list(tls.getHosts()));
			}
		}
		Map<String, String> annotations = this.interner.map(metadata.getAnnotations());
		String className = (spec.getIngressClassName() != null) ? spec.getIngressClassName()
				: annotations.get("kubernetes.io/ingress.class");
		return new Ingress(namespace(metadata), String.valueOf(metadata.getName()), className, List.copyOf(routes),
				List.copyOf(tlsHosts), this.interner.map(metadata.getLabels()), annotations);
	}

	private static Ingress.Route route(@Nullable String host, @Nullable String path, @Nullable V1IngressBackend backend) {
		if (backend == null || backend.getService() == null) {
			return new Ingress.Route(host, path, null, null);
		}
		var service = backend.getService();
		var port = service.getPort();
		String portText = (port == null) ? null
				: ((port.getNumber() != null) ? String.valueOf(port.getNumber()) : port.getName());
		return new Ingress.Route(host, path, service.getName(), portText);
	}

	private String namespace(V1ObjectMeta metadata) {
		return this.interner.intern((metadata.getNamespace() != null) ? metadata.getNamespace() : "default");
	}

	static V1ObjectMeta meta(@Nullable V1ObjectMeta metadata) {
		return (metadata != null) ? metadata : new V1ObjectMeta();
	}

	static <T> List<T> list(@Nullable List<T> list) {
		return (list != null) ? list : List.of();
	}

}
