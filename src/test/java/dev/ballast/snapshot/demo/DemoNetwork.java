package dev.ballast.snapshot.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ballast.snapshot.demo.Yaml.list;
import static dev.ballast.snapshot.demo.Yaml.map;
import static dev.ballast.snapshot.demo.Yaml.meta;

/**
 * The demo's namespaces, Services with their EndpointSlices (one Service selects nothing), an
 * Ingress with a route to a missing Service, and NetworkPolicies (default deny in payments, an
 * allow rule, a policy that selects no pod).
 */
final class DemoNetwork {

	private DemoNetwork() {
	}

	static List<Map<String, Object>> namespaces() {
		List<Map<String, Object>> namespaces = new ArrayList<>();
		String[][] all = { { "default", null }, { "kube-system", null }, { "kube-public", null },
				{ "kube-node-lease", null }, { "shop", "storefront" }, { "payments", "payments" }, { "ml", "data-science" },
				{ "monitoring", "platform" }, { "logging", "platform" } };
		for (String[] namespace : all) {
			Map<String, Object> labels = map("kubernetes.io/metadata.name", namespace[0], "team", namespace[1]);
			if (namespace[1] != null) {
				labels.put("environment", "production");
			}
			namespaces.add(Yaml.object("v1", "Namespace",
					map("name", namespace[0], "labels", labels, "creationTimestamp", DemoNodes.CREATED), "spec",
					map("finalizers", list("kubernetes")), "status", map("phase", "Active")));
		}
		return namespaces;
	}

	/**
	 * Services, each followed by its EndpointSlice.
	 * @param pods the demo's pods
	 * @return the manifests
	 */
	static List<Map<String, Object>> services(List<Map<String, Object>> pods) {
		List<Map<String, Object>> services = new ArrayList<>();
		Object[][] all = { { "kube-system", "kube-dns", "coredns", 53, 53 }, { "kube-system", "metrics-server",
				"metrics-server", 443, 10250 }, { "monitoring", "prometheus", "prometheus", 9090, 9090 },
				{ "monitoring", "grafana", "grafana", 80, 3000 }, { "monitoring", "alertmanager", "alertmanager", 9093, 9093 },
				{ "logging", "elasticsearch", "elasticsearch", 9200, 9200 }, { "logging", "kibana", "kibana", 5601, 5601 },
				{ "shop", "storefront", "storefront", 80, 8080 }, { "shop", "cart", "cart", 80, 8080 },
				{ "shop", "checkout", "checkout", 80, 8080 }, { "shop", "catalog", "catalog", 80, 8080 },
				{ "shop", "search", "search", 80, 8080 }, { "shop", "recommendations", "recommendations", 80, 8080 },
				{ "shop", "reviews", "reviews", 80, 8080 }, { "shop", "promotions", "promotions", 80, 8080 },
				{ "shop", "redis", "redis", 6379, 6379 }, { "shop", "mysql", "mysql", 3306, 3306 },
				{ "payments", "payments-api", "payments-api", 443, 8443 },
				{ "payments", "fraud-detector", "fraud-detector", 8080, 8080 }, { "payments", "ledger", "ledger", 9000, 9000 },
				{ "payments", "payments-db", "payments-db", 5432, 5432 }, { "ml", "model-serving", "model-serving", 8000, 8000 },
				{ "default", "legacy-portal", "legacy-portal", 80, 8080 } };
		int index = 10;
		for (Object[] service : all) {
			String namespace = (String) service[0];
			String name = (String) service[1];
			String app = (String) service[2];
			boolean headless = name.equals("mysql") || name.equals("redis");
			String clusterIp = headless ? "None" : "10.96." + (index / 250) + "." + (index % 250);
			index += 7;
			String type = name.equals("legacy-portal") ? "NodePort" : "ClusterIP";
			Map<String, Object> port = map("name", "main", "port", service[3], "targetPort", service[4], "protocol", "TCP");
			if (type.equals("NodePort")) {
				port.put("nodePort", 30080);
			}
			services.add(Yaml.object("v1", "Service", meta(namespace, name, "labels", map("app", app)), "spec",
					map("type", type, "selector", map("app", app), "clusterIP", clusterIp, "clusterIPs", list(clusterIp),
							"ports", list(port))));
			services.add(slice(namespace, name, app, (Integer) service[4], pods));
		}
		return services;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> slice(String namespace, String service, String app, int port,
			List<Map<String, Object>> pods) {
		List<Object> endpoints = new ArrayList<>();
		for (Map<String, Object> pod : pods) {
			Map<String, Object> metadata = (Map<String, Object>) pod.get("metadata");
			Map<String, Object> status = (Map<String, Object>) pod.get("status");
			Map<String, Object> spec = (Map<String, Object>) pod.get("spec");
			if (namespace.equals(metadata.get("namespace")) && app.equals(((Map<String, Object>) metadata.get("labels")).get("app"))
					&& status.get("podIP") != null && "Running".equals(status.get("phase"))) {
				endpoints.add(map("addresses", list(status.get("podIP")), "conditions",
						map("ready", true, "serving", true, "terminating", false), "nodeName", spec.get("nodeName"),
						"targetRef", map("kind", "Pod", "name", metadata.get("name"), "namespace", namespace)));
			}
		}
		Map<String, Object> slice = Yaml.object("discovery.k8s.io/v1", "EndpointSlice",
				meta(namespace, service + "-" + DemoPods.uid("slice", service).substring(0, 5), "labels",
						map("kubernetes.io/service-name", service, "endpointslice.kubernetes.io/managed-by",
								"endpointslice-controller.k8s.io")),
				"addressType", "IPv4", "ports", list(map("name", "main", "port", port, "protocol", "TCP")));
		if (!endpoints.isEmpty()) {
			slice.put("endpoints", endpoints);
		}
		return slice;
	}

	static Map<String, Object> ingress() {
		return Yaml.object("networking.k8s.io/v1", "Ingress",
				meta("shop", "shop", "annotations", map("nginx.ingress.kubernetes.io/proxy-body-size", "8m")), "spec",
				map("ingressClassName", "nginx", "tls", list(map("hosts", list("shop.example.com"), "secretName", "shop-tls")),
						"rules", list(map("host", "shop.example.com", "http", map("paths", list(path("/", "storefront"),
								path("/cart", "cart"), path("/checkout", "checkout"), path("/promotions", "promotions"),
								path("/gift-cards", "gift-cards")))))));
	}

	private static Map<String, Object> path(String path, String service) {
		return map("path", path, "pathType", "Prefix", "backend",
				map("service", map("name", service, "port", map("number", 80))));
	}

	static List<Map<String, Object>> networkPolicies() {
		return List.of(
				Yaml.object("networking.k8s.io/v1", "NetworkPolicy", meta("payments", "default-deny-all"), "spec",
						map("podSelector", map(), "policyTypes", list("Ingress", "Egress"))),
				Yaml.object("networking.k8s.io/v1", "NetworkPolicy", meta("payments", "allow-shop-to-payments-api"), "spec",
						map("podSelector", map("matchLabels", map("app", "payments-api")), "policyTypes", list("Ingress"),
								"ingress", list(map("from", list(map("namespaceSelector",
										map("matchLabels", map("kubernetes.io/metadata.name", "shop")))), "ports",
										list(map("protocol", "TCP", "port", 8443)))))),
				Yaml.object("networking.k8s.io/v1", "NetworkPolicy", meta("payments", "allow-dns-egress"), "spec",
						map("podSelector", map(), "policyTypes", list("Egress"), "egress",
								list(map("to", list(map("namespaceSelector",
										map("matchLabels", map("kubernetes.io/metadata.name", "kube-system")))), "ports",
										list(map("protocol", "UDP", "port", 53), map("protocol", "TCP", "port", 53)))))),
				Yaml.object("networking.k8s.io/v1", "NetworkPolicy", meta("payments", "allow-batch-settlement"), "spec",
						map("podSelector", map("matchLabels", map("app", "batch-settlement")), "policyTypes", list("Ingress"),
								"ingress", list(map("from", list(map("podSelector", map("matchLabels", map("app", "ledger")))))))),
				Yaml.object("networking.k8s.io/v1", "NetworkPolicy", meta("shop", "allow-ingress-controller"), "spec",
						map("podSelector", map("matchLabels", map("app", "storefront")), "policyTypes", list("Ingress"),
								"ingress", list(map("from", list(map("ipBlock", map("cidr", "10.0.0.0/16"))))))));
	}

}
