package dev.ballast.snapshot.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reshapes an extensions/v1beta1 or networking.k8s.io/v1beta1 Ingress into networking.k8s.io/v1:
 * {@code backend} becomes {@code defaultBackend}, {@code serviceName}/{@code servicePort} become
 * {@code service.name}/{@code service.port}. The raw object is left as it was.
 */
final class LegacyIngress {

	private LegacyIngress() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> toV1(Map<String, Object> ingress) {
		Map<String, Object> copy = new LinkedHashMap<>(ingress);
		if (!(ingress.get("spec") instanceof Map<?, ?> spec)) {
			return copy;
		}
		Map<String, Object> newSpec = new LinkedHashMap<>((Map<String, Object>) spec);
		Object backend = newSpec.remove("backend");
		if (backend != null) {
			newSpec.put("defaultBackend", backend(backend));
		}
		if (newSpec.get("rules") instanceof List<?> rules) {
			List<Object> newRules = new ArrayList<>();
			for (Object rule : rules) {
				newRules.add(rule(rule));
			}
			newSpec.put("rules", newRules);
		}
		copy.put("spec", newSpec);
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Object rule(@Nullable Object rule) {
		if (!(rule instanceof Map<?, ?> map) || !(map.get("http") instanceof Map<?, ?> http)
				|| !(http.get("paths") instanceof List<?> paths)) {
			return rule;
		}
		List<Object> newPaths = new ArrayList<>();
		for (Object path : paths) {
			if (path instanceof Map<?, ?> pathMap) {
				Map<String, Object> newPath = new LinkedHashMap<>((Map<String, Object>) pathMap);
				newPath.put("backend", backend(newPath.get("backend")));
				newPaths.add(newPath);
			}
			else {
				newPaths.add(path);
			}
		}
		Map<String, Object> newHttp = new LinkedHashMap<>((Map<String, Object>) http);
		newHttp.put("paths", newPaths);
		Map<String, Object> newRule = new LinkedHashMap<>((Map<String, Object>) map);
		newRule.put("http", newHttp);
		return newRule;
	}

	private static @Nullable Object backend(@Nullable Object backend) {
		if (!(backend instanceof Map<?, ?> map) || !map.containsKey("serviceName")) {
			return backend;
		}
		Object port = map.get("servicePort");
		Map<String, Object> servicePort = new LinkedHashMap<>();
		if (port instanceof Number number) {
			servicePort.put("number", number);
		}
		else if (port != null) {
			servicePort.put("name", String.valueOf(port));
		}
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("name", map.get("serviceName"));
		service.put("port", servicePort);
		return Map.of("service", service);
	}

}
