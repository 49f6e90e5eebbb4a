package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.Workload;

import static dev.ballast.checks.Category.OPERATIONS;
import static dev.ballast.checks.Category.RELIABILITY;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.INFO;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.CLUSTER;
import static dev.ballast.checks.Target.NODE;
import static dev.ballast.checks.internal.Define.def;

/**
 * Nodes and the cluster as a whole: container runtime, node conditions, and the tools a
 * cluster should run (node problem detector, backups, monitoring).
 */
final class ClusterChecks {

	private static final List<String> PRESSURES = List.of("MemoryPressure", "DiskPressure", "PIDPressure",
			"NetworkUnavailable");

	private static final List<String> BACKUP = List.of("velero", "kube-backup", "k8up", "kasten", "k10-", "stash",
			"trilio", "etcd-backup", "etcdbackup", "kanister");

	private static final List<String> MONITORING = List.of("prometheus", "victoria-metrics", "vmagent", "datadog",
			"grafana-agent", "alloy", "newrelic", "dynatrace", "metricbeat", "elastic-agent", "opentelemetry-collector",
			"otel-collector", "zabbix", "tke-monitor");

	private static final List<String> NODE_PROBLEM_DETECTOR = List.of("node-problem-detector", "npd");

	private ClusterChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		checks.add(Define.node(def("node-docker-runtime", RELIABILITY, WARNING, NODE, Docs.DOCKERSHIM), (node, index) -> {
			String runtime = node.system().containerRuntimeVersion();
			return (runtime != null && runtime.startsWith("docker://"))
					? new Hit("status.nodeInfo.containerRuntimeVersion", runtime) : null;
		}));
		checks.add(Define.node(def("node-not-ready", RELIABILITY, DANGER, NODE, Docs.NODE_STATUS), (node, index) -> {
			ClusterNode.Condition ready = node.condition("Ready");
			if (ready == null || "True".equals(ready.status())) {
				return null;
			}
			return new Hit("status.conditions[Ready]",
					ready.status() + ((ready.reason() != null) ? " (" + ready.reason() + ")" : ""));
		}));
		checks.add(Define.node(def("node-pressure", RELIABILITY, WARNING, NODE, Docs.NODE_STATUS), (node, index) -> {
			for (String type : PRESSURES) {
				ClusterNode.Condition condition = node.condition(type);
				if (condition != null && "True".equals(condition.status())) {
					return new Hit("status.conditions[" + type + "]", "True");
				}
			}
			return null;
		}));
		checks.add(Define.cluster(def("node-problem-detector-missing", RELIABILITY, INFO, CLUSTER, Docs.NODE_HEALTH),
				(index) -> runs(index, NODE_PROBLEM_DETECTOR) ? null
						: new Hit("DaemonSet", "no node-problem-detector found")));
		checks.add(Define.cluster(def("backup-tool-missing", OPERATIONS, WARNING, CLUSTER, Docs.BACKUP),
				(index) -> runs(index, BACKUP) ? null
						: new Hit("Deployment", "no backup tool found (Velero, kube-backup, K8up, Kasten, Stash)")));
		checks.add(Define.cluster(def("monitoring-missing", OPERATIONS, INFO, CLUSTER, Docs.MONITORING),
				(index) -> runs(index, MONITORING) ? null : new Hit("Deployment", "no monitoring stack found")));
		return checks;
	}

	/** Whether a workload's name, namespace or an image names one of the tools. */
	private static boolean runs(Index index, List<String> tools) {
		for (WorkloadView view : index.views()) {
			Workload workload = view.workload();
			List<String> names = new java.util.ArrayList<>();
			names.add(workload.name().toLowerCase(Locale.ROOT));
			names.add(workload.namespace().toLowerCase(Locale.ROOT));
			for (WorkloadView.ContainerView container : view.containers()) {
				names.add(Images.name(container.container().getImage()));
			}
			for (String tool : tools) {
				for (String name : names) {
					if (matches(name, tool)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean matches(String lower, String tool) {
		return tool.length() <= 3 ? lower.equals(tool) || lower.startsWith(tool + "-") || lower.endsWith("/" + tool)
				: lower.contains(tool);
	}

}
