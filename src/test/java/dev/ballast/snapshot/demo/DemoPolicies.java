package dev.ballast.snapshot.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ballast.snapshot.demo.Yaml.list;
import static dev.ballast.snapshot.demo.Yaml.map;
import static dev.ballast.snapshot.demo.Yaml.meta;

/**
 * The demo's guard rails, some missing on purpose: LimitRanges and ResourceQuotas in some
 * namespaces, a PodDisruptionBudget that allows no disruption, an autoscaler with
 * {@code minReplicas: 1}, PriorityClasses, and RBAC with a CI account that may delete
 * namespaces, a user bound to cluster-admin and an image-pull account with edit rights.
 */
final class DemoPolicies {

	private DemoPolicies() {
	}

	static List<Map<String, Object>> guardRails() {
		List<Map<String, Object>> all = new ArrayList<>();
		for (String namespace : List.of("shop", "payments")) {
			all.add(Yaml.object("v1", "LimitRange", meta(namespace, "defaults"), "spec",
					map("limits", list(map("type", "Container", "default", map("cpu", "500m", "memory", "512Mi"),
							"defaultRequest", map("cpu", "100m", "memory", "128Mi"), "max", map("memory", "16Gi"))))));
			all.add(Yaml.object("v1", "ResourceQuota", meta(namespace, "compute"), "spec",
					map("hard", map("requests.cpu", "40", "requests.memory", "96Gi", "limits.memory", "160Gi", "pods", "120")),
					"status", map("hard", map("requests.cpu", "40", "requests.memory", "96Gi", "limits.memory", "160Gi",
							"pods", "120"))));
		}
		all.add(Yaml.object("v1", "ResourceQuota", meta("ml", "gpus"), "spec",
				map("hard", map("requests.nvidia.com/gpu", "3"))));
		all.add(Yaml.object("policy/v1", "PodDisruptionBudget", meta("payments", "payments-api"), "spec",
				map("minAvailable", 3, "selector", map("matchLabels", map("app", "payments-api"))), "status",
				map("currentHealthy", 3, "desiredHealthy", 3, "disruptionsAllowed", 0, "expectedPods", 3)));
		all.add(Yaml.object("policy/v1", "PodDisruptionBudget", meta("shop", "storefront"), "spec",
				map("maxUnavailable", 1, "selector", map("matchLabels", map("app", "storefront"))), "status",
				map("currentHealthy", 3, "desiredHealthy", 2, "disruptionsAllowed", 1, "expectedPods", 3)));
		all.add(autoscaler("shop", "storefront", 3, 10, 70));
		all.add(autoscaler("shop", "cart", 1, 5, 80));
		all.add(priorityClass("system-cluster-critical", 2000000000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."));
		all.add(priorityClass("system-node-critical", 2000001000, "Used for system critical pods that must not be moved from their current node."));
		all.add(priorityClass("business-critical", 1000000, "Customer-facing services."));
		Map<String, Object> batch = priorityClass("batch-low", -10, "Batch jobs that may wait.");
		batch.put("preemptionPolicy", "Never");
		all.add(batch);
		return all;
	}

	private static Map<String, Object> autoscaler(String namespace, String name, int min, int max, int cpu) {
		return Yaml.object("autoscaling/v2", "HorizontalPodAutoscaler", meta(namespace, name), "spec",
				map("scaleTargetRef", map("apiVersion", "apps/v1", "kind", "Deployment", "name", name), "minReplicas", min,
						"maxReplicas", max, "metrics", list(map("type", "Resource", "resource",
								map("name", "cpu", "target", map("type", "Utilization", "averageUtilization", cpu))))),
				"status", map("currentReplicas", Math.max(min, name.equals("cart") ? 2 : 3), "desiredReplicas",
						Math.max(min, name.equals("cart") ? 2 : 3)));
	}

	private static Map<String, Object> priorityClass(String name, int value, String description) {
		return Yaml.object("scheduling.k8s.io/v1", "PriorityClass", map("name", name), "value", value, "globalDefault",
				false, "description", description);
	}

	static List<Map<String, Object>> rbac() {
		List<Map<String, Object>> all = new ArrayList<>();
		for (String namespace : List.of("default", "kube-system", "shop", "payments", "ml", "monitoring", "logging")) {
			all.add(Yaml.object("v1", "ServiceAccount", meta(namespace, "default")));
		}
		all.add(Yaml.object("v1", "ServiceAccount", meta("kube-system", "flannel")));
		all.add(Yaml.object("v1", "ServiceAccount", meta("kube-system", "kube-proxy")));
		all.add(Yaml.object("v1", "ServiceAccount", meta("kube-system", "coredns")));
		all.add(Yaml.object("v1", "ServiceAccount", meta("kube-system", "metrics-server")));
		all.add(Yaml.object("v1", "ServiceAccount", meta("monitoring", "prometheus")));
		all.add(Yaml.object("v1", "ServiceAccount", meta("default", "gitlab-ci")));
		all.add(Yaml.object("v1", "ServiceAccount", meta("shop", "registry-puller"), "automountServiceAccountToken", false));
		all.add(Yaml.object("v1", "ServiceAccount", meta("payments", "payments-api"), "automountServiceAccountToken", false));
		all.add(Yaml.object("rbac.authorization.k8s.io/v1", "ClusterRole", map("name", "cluster-admin", "labels",
				map("kubernetes.io/bootstrapping", "rbac-defaults")), "rules",
				list(map("apiGroups", list("*"), "resources", list("*"), "verbs", list("*")),
						map("nonResourceURLs", list("*"), "verbs", list("*")))));
		all.add(Yaml.object("rbac.authorization.k8s.io/v1", "ClusterRole", map("name", "edit", "labels",
				map("kubernetes.io/bootstrapping", "rbac-defaults")), "aggregationRule",
				map("clusterRoleSelectors", list(map("matchLabels", map("rbac.authorization.k8s.io/aggregate-to-edit", "true")))),
				"rules", list(map("apiGroups", list(""), "resources", list("pods", "services", "configmaps", "secrets",
						"persistentvolumeclaims"), "verbs", list("create", "delete", "get", "list", "patch", "update", "watch")),
						map("apiGroups", list("apps"), "resources", list("deployments", "statefulsets", "daemonsets", "replicasets"),
								"verbs", list("create", "delete", "get", "list", "patch", "update", "watch")))));
		all.add(Yaml.object("rbac.authorization.k8s.io/v1", "ClusterRole", map("name", "ci-deployer"), "rules",
				list(map("apiGroups", list("", "apps", "batch"), "resources", list("deployments", "services", "configmaps",
						"jobs", "cronjobs"), "verbs", list("get", "list", "watch", "create", "update", "patch", "delete")),
						map("apiGroups", list(""), "resources", list("namespaces"), "verbs",
								list("get", "list", "create", "delete")))));
		all.add(binding("ClusterRoleBinding", null, "cluster-admin", "cluster-admin",
				map("kind", "Group", "apiGroup", "rbac.authorization.k8s.io", "name", "system:masters")));
		all.add(binding("ClusterRoleBinding", null, "ops-admin", "cluster-admin",
				map("kind", "User", "apiGroup", "rbac.authorization.k8s.io", "name", "alice@example.com")));
		all.add(binding("ClusterRoleBinding", null, "gitlab-ci-deployer", "ci-deployer",
				map("kind", "ServiceAccount", "name", "gitlab-ci", "namespace", "default")));
		all.add(binding("RoleBinding", "shop", "registry-puller-edit", "edit",
				map("kind", "ServiceAccount", "name", "registry-puller", "namespace", "shop")));
		all.add(Yaml.object("rbac.authorization.k8s.io/v1", "Role", meta("shop", "developer-read-only"), "rules",
				list(map("apiGroups", list("", "apps"), "resources", list("pods", "pods/log", "deployments", "services"),
						"verbs", list("get", "list", "watch")))));
		all.add(Yaml.object("rbac.authorization.k8s.io/v1", "RoleBinding", meta("shop", "developers"), "roleRef",
				map("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", "developer-read-only"), "subjects",
				list(map("kind", "Group", "apiGroup", "rbac.authorization.k8s.io", "name", "shop-developers"))));
		return all;
	}

	private static Map<String, Object> binding(String kind, String namespace, String name, String clusterRole,
			Map<String, Object> subject) {
		Map<String, Object> metadata = (namespace != null) ? meta(namespace, name) : map("name", name);
		return Yaml.object("rbac.authorization.k8s.io/v1", kind, metadata, "roleRef",
				map("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", clusterRole), "subjects",
				list(subject));
	}

	static List<Map<String, Object>> configMaps() {
		return List.of(
				Yaml.object("v1", "ConfigMap", meta("kube-system", "kube-flannel-cfg", "labels", map("app", "flannel")),
						"data", map("cni-conf.json", """
								{
								  "name": "cbr0",
								  "cniVersion": "0.3.1",
								  "plugins": [
								    {"type": "flannel", "delegate": {"hairpinMode": true, "isDefaultGateway": true}},
								    {"type": "portmap", "capabilities": {"portMappings": true}}
								  ]
								}
								""", "net-conf.json", """
								{
								  "Network": "10.244.0.0/20",
								  "Backend": {"Type": "vxlan"}
								}
								""")),
				Yaml.object("v1", "ConfigMap", meta("kube-system", "kube-proxy"), "data", map("config.conf", """
						apiVersion: kubeproxy.config.k8s.io/v1alpha1
						kind: KubeProxyConfiguration
						clusterCIDR: 10.244.0.0/20
						mode: iptables
						""")),
				Yaml.object("v1", "ConfigMap", meta("kube-system", "kubeadm-config"), "data", map("ClusterConfiguration", """
						apiVersion: kubeadm.k8s.io/v1beta3
						kind: ClusterConfiguration
						kubernetesVersion: v1.28.3
						controllerManager:
						  extraArgs:
						    node-cidr-mask-size: "26"
						networking:
						  dnsDomain: cluster.local
						  podSubnet: 10.244.0.0/20
						  serviceSubnet: 10.96.0.0/22
						""")),
				Yaml.object("v1", "ConfigMap", meta("kube-system", "coredns"), "data", map("Corefile", """
						.:53 {
						    errors
						    health
						    ready
						    kubernetes cluster.local in-addr.arpa ip6.arpa {
						       pods insecure
						       fallthrough in-addr.arpa ip6.arpa
						    }
						    prometheus :9153
						    forward . /etc/resolv.conf
						    cache 30
						    loop
						    reload
						    loadbalance
						}
						""")),
				Yaml.object("v1", "ConfigMap", meta("shop", "checkout-config"), "data",
						map("application.yaml", "server:\n  port: 8080\n", "payment-timeout", "3s")),
				Yaml.object("v1", "ConfigMap", meta("payments", "payments-config"), "data",
						map("currency", "EUR", "psp-endpoint", "https://psp.example.com/v2")));
	}

	static List<Map<String, Object>> metrics(List<DemoNodes.Node> nodes, java.util.Random random) {
		List<Map<String, Object>> metrics = new ArrayList<>();
		for (DemoNodes.Node node : nodes) {
			int percent = 20 + random.nextInt(50);
			if (node.name().equals("legacy-1")) {
				percent = 92;
			}
			metrics.add(Yaml.object("metrics.k8s.io/v1beta1", "NodeMetrics", map("name", node.name()), "timestamp",
					"2024-05-01T08:00:00Z", "window", "20.029s", "usage",
					map("cpu", (node.cores() * 10L * percent) + "m", "memory", (node.memoryGi() * 1024L * percent / 100) + "Mi")));
		}
		return metrics;
	}

}
