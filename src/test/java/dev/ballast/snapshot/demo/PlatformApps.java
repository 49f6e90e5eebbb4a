package dev.ballast.snapshot.demo;

import java.util.List;

import static dev.ballast.snapshot.demo.App.container;
import static dev.ballast.snapshot.demo.App.httpProbe;
import static dev.ballast.snapshot.demo.Yaml.list;
import static dev.ballast.snapshot.demo.Yaml.map;

/**
 * The demo's platform workloads: kube-system (flannel, kube-proxy, CoreDNS, metrics-server; no
 * node-problem-detector, no Velero), monitoring and logging.
 */
final class PlatformApps {

	private PlatformApps() {
	}

	static List<App> all(String[] allNodes) {
		App flannel = new App("DaemonSet", "kube-system", "kube-flannel-ds")
			.containers(map("name", "kube-flannel", "image", "docker.io/flannel/flannel:v0.24.2", "command",
					list("/opt/bin/flanneld"), "args", list("--ip-masq", "--kube-subnet-mgr"), "resources",
					map("requests", map("cpu", "100m", "memory", "50Mi")), "securityContext",
					map("privileged", false, "capabilities", map("add", list("NET_ADMIN", "NET_RAW"))), "volumeMounts",
					list(map("name", "run", "mountPath", "/run/flannel"),
							map("name", "flannel-cfg", "mountPath", "/etc/kube-flannel/"))))
			.spec("initContainers",
					list(map("name", "install-cni", "image", "docker.io/flannel/flannel:v0.24.2", "command",
							list("cp"), "args", list("-f", "/etc/kube-flannel/cni-conf.json", "/etc/cni/net.d/10-flannel.conflist"),
							"volumeMounts", list(map("name", "cni", "mountPath", "/etc/cni/net.d")))),
					"hostNetwork", true, "priorityClassName", "system-node-critical", "serviceAccountName", "flannel",
					"tolerations", list(map("operator", "Exists")), "volumes",
					list(map("name", "run", "hostPath", map("path", "/run/flannel")),
							map("name", "cni", "hostPath", map("path", "/etc/cni/net.d")),
							map("name", "flannel-cfg", "configMap", map("name", "kube-flannel-cfg"))))
			.on(allNodes);
		App kubeProxy = new App("DaemonSet", "kube-system", "kube-proxy")
			.containers(map("name", "kube-proxy", "image", "registry.k8s.io/kube-proxy:v1.28.3", "command",
					list("/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf"), "securityContext",
					map("privileged", true), "volumeMounts", list(map("name", "kube-proxy", "mountPath", "/var/lib/kube-proxy"))))
			.spec("hostNetwork", true, "priorityClassName", "system-node-critical", "serviceAccountName", "kube-proxy",
					"tolerations", list(map("operator", "Exists")), "volumes",
					list(map("name", "kube-proxy", "configMap", map("name", "kube-proxy"))))
			.on(allNodes);
		App coredns = new App("Deployment", "kube-system", "coredns").replicas(2)
			.containers(withProbes(container("coredns", "registry.k8s.io/coredns/coredns:v1.10.1", "100m", "70Mi", null,
					"170Mi"), httpProbe("/health", 8080, 10), httpProbe("/ready", 8181, 10)))
			.spec("affinity", App.antiAffinity("coredns"), "priorityClassName", "system-cluster-critical",
					"serviceAccountName", "coredns", "tolerations", list(map("key", "CriticalAddonsOnly", "operator", "Exists")))
			.on("general-a-1", "general-b-1");
		App metricsServer = new App("Deployment", "kube-system", "metrics-server")
			.containers(withProbes(container("metrics-server", "registry.k8s.io/metrics-server/metrics-server:v0.6.4",
					"100m", "200Mi", null, "400Mi"), httpProbe("/livez", 10250, 10), httpProbe("/readyz", 10250, 10)))
			.spec("priorityClassName", "system-cluster-critical", "serviceAccountName", "metrics-server")
			.on("general-a-2");
		App prometheus = new App("StatefulSet", "monitoring", "prometheus")
			.containers(withProbes(container("prometheus", "quay.io/prometheus/prometheus:v2.48.1", "500m", "2Gi", null,
					"4Gi"), httpProbe("/-/healthy", 9090, 15), httpProbe("/-/ready", 9090, 5)))
			.spec("serviceAccountName", "prometheus")
			.controller("serviceName", "prometheus", "volumeClaimTemplates",
					list(map("metadata", map("name", "data"), "spec", map("accessModes", list("ReadWriteOnce"), "resources",
							map("requests", map("storage", "100Gi"))))))
			.on("general-c-1");
		App grafana = new App("Deployment", "monitoring", "grafana")
			.containers(map("name", "grafana", "image", "grafana/grafana:latest", "ports",
					list(map("containerPort", 3000, "name", "http"))))
			.on("general-c-1");
		App nodeExporter = new App("DaemonSet", "monitoring", "node-exporter")
			.containers(container("node-exporter", "quay.io/prometheus/node-exporter:v1.7.0", "50m", "64Mi", "250m",
					"180Mi"))
			.spec("hostNetwork", true, "hostPID", true, "tolerations", list(map("operator", "Exists")))
			.on(allNodes);
		App kubeStateMetrics = new App("Deployment", "monitoring", "kube-state-metrics")
			.containers(withProbes(container("kube-state-metrics",
					"registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.10.1", "100m", "190Mi", null, "250Mi"),
					httpProbe("/healthz", 8080, 10), httpProbe("/", 8081, 10)))
			.on("general-c-1");
		App alertmanager = new App("StatefulSet", "monitoring", "alertmanager").replicas(2)
			.containers(withProbes(container("alertmanager", "quay.io/prometheus/alertmanager:v0.26.0", "50m", "100Mi",
					null, "200Mi"), httpProbe("/-/healthy", 9093, 10), httpProbe("/-/ready", 9093, 10)))
			.controller("serviceName", "alertmanager")
			.on("general-c-1", "general-c-1");
		App blackbox = new App("Deployment", "monitoring", "blackbox-exporter")
			.containers(container("blackbox-exporter", "quay.io/prometheus/blackbox-exporter:v0.24.0", "20m", "32Mi", null,
					"64Mi"))
			.on("general-b-2");
		App fluentBit = new App("DaemonSet", "logging", "fluent-bit")
			.containers(map("name", "fluent-bit", "image", "cr.fluentbit.io/fluent/fluent-bit:2.2.0", "resources",
					map("requests", map("cpu", "50m", "memory", "64Mi"), "limits", map("memory", "128Mi")), "volumeMounts",
					list(map("name", "varlog", "mountPath", "/var/log", "readOnly", true))))
			.spec("tolerations", list(map("operator", "Exists")), "volumes",
					list(map("name", "varlog", "hostPath", map("path", "/var/log"))))
			.on(allNodes);
		App elasticsearch = new App("StatefulSet", "logging", "elasticsearch").replicas(3)
			.containers(withProbes(map("name", "elasticsearch", "image",
					"docker.elastic.co/elasticsearch/elasticsearch:8.11.3", "env",
					App.env("ES_JAVA_OPTS", "-Xms4g -Xmx4g", "discovery.seed_hosts", "elasticsearch-headless"),
					"resources", map("requests", map("cpu", "1", "memory", "4Gi"), "limits", map("memory", "4Gi"))),
					null, map("tcpSocket", map("port", 9200), "periodSeconds", 10)))
			.controller("serviceName", "elasticsearch-headless")
			.on("general-c-1", "general-c-1", "general-c-1")
			.oomKilled(1, 6);
		App kibana = new App("Deployment", "logging", "kibana")
			.containers(container("kibana", "docker.elastic.co/kibana/kibana:8.11.3", "200m", "1Gi", null, "1Gi"))
			.on("general-b-2");
		return List.of(flannel, kubeProxy, coredns, metricsServer, prometheus, grafana, nodeExporter, kubeStateMetrics,
				alertmanager, blackbox, fluentBit, elasticsearch, kibana);
	}

	static java.util.Map<String, Object> withProbes(java.util.Map<String, Object> container,
			java.util.Map<String, Object> liveness, java.util.Map<String, Object> readiness) {
		if (liveness != null) {
			container.put("livenessProbe", liveness);
		}
		if (readiness != null) {
			container.put("readinessProbe", readiness);
		}
		return container;
	}

}
