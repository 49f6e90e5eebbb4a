package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Sysctl;
import io.kubernetes.client.openapi.models.V1Volume;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Subject;
import dev.ballast.snapshot.ConfigMap;
import dev.ballast.snapshot.ServiceAccount;

import static dev.ballast.checks.Category.SECURITY;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.NAMESPACE;
import static dev.ballast.checks.Target.POD_TEMPLATE;
import static dev.ballast.checks.internal.Define.def;

/**
 * A pod's reach into its node and the API: host namespaces, host paths, runtime sockets,
 * sysctls, service-account tokens; and secrets kept in ConfigMaps.
 */
final class HostChecks {

	private static final List<String> SOCKETS = List.of("docker.sock", "containerd.sock", "crio.sock",
			"cri-dockerd.sock", "/run/containerd", "/var/run/containerd", "/var/run/crio");

	/** Sysctls Kubernetes considers safe (namespaced, isolated between pods). */
	private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
			"net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
			"net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
			"net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");

	private HostChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		hostNamespace(checks, "host-network", "hostNetwork", V1PodSpec::getHostNetwork);
		hostNamespace(checks, "host-pid", "hostPID", V1PodSpec::getHostPID);
		hostNamespace(checks, "host-ipc", "hostIPC", V1PodSpec::getHostIPC);
		checks.add(pod("host-path-volume", WARNING, Docs.HOST_PATH, (workload) -> hostPath(workload, false)));
		checks.add(pod("runtime-socket-mounted", DANGER, Docs.HOST_PATH, (workload) -> hostPath(workload, true)));
		checks.add(pod("service-account-token-mounted", WARNING, Docs.SERVICE_ACCOUNT, HostChecks::tokenMounted));
		checks.add(pod("service-account-missing", WARNING, Docs.SERVICE_ACCOUNT, (workload) -> {
			String name = serviceAccount(workload.spec());
			Set<String> known = workload.index().serviceAccounts(workload.namespace());
			return (name != null && !name.equals("default") && known != null && !known.contains(name))
					? new Hit(workload.spec("serviceAccountName"), name + " not found") : null;
		}));
		checks.add(pod("sysctls-unsafe", WARNING, Docs.SYSCTLS, (workload) -> {
			var context = workload.spec().getSecurityContext();
			if (context == null || context.getSysctls() == null) {
				return null;
			}
			for (int i = 0; i < context.getSysctls().size(); i++) {
				V1Sysctl sysctl = context.getSysctls().get(i);
				if (!SAFE_SYSCTLS.contains(sysctl.getName())) {
					return new Hit(workload.spec("securityContext.sysctls[" + i + "].name"), sysctl.getName());
				}
			}
			return null;
		}));
		checks.add(Define.objects(def("configmap-sensitive-key", SECURITY, WARNING, NAMESPACE, Docs.SECRETS),
				(index) -> index.snapshot().configMaps(),
				(map) -> new Subject("ConfigMap", map.namespace(), map.name()), HostChecks::sensitiveKey));
		return checks;
	}

	private static Check pod(String id, dev.ballast.checks.Severity severity, String docs, Define.WorkloadRule rule) {
		return Define.workload(def(id, SECURITY, severity, POD_TEMPLATE, docs), Kinds.ALL, rule);
	}

	private static void hostNamespace(List<Check> checks, String id, String field,
			Function<V1PodSpec, @Nullable Boolean> value) {
		checks.add(pod(id, DANGER, Docs.POD_SECURITY, (workload) -> Values.isTrue(value.apply(workload.spec()))
				? new Hit(workload.spec(field), "true") : null));
	}

	private static @Nullable Hit hostPath(WorkloadView workload, boolean sockets) {
		List<V1Volume> volumes = workload.spec().getVolumes();
		if (volumes == null) {
			return null;
		}
		for (int i = 0; i < volumes.size(); i++) {
			V1Volume volume = volumes.get(i);
			if (volume.getHostPath() == null) {
				continue;
			}
			String path = String.valueOf(volume.getHostPath().getPath());
			if (!sockets || SOCKETS.stream().anyMatch((socket) -> path.endsWith(socket) || path.equals(socket))) {
				return new Hit(workload.spec("volumes[" + i + "].hostPath.path"), path);
			}
		}
		return null;
	}

	private static @Nullable Hit tokenMounted(WorkloadView workload) {
		Boolean pod = workload.spec().getAutomountServiceAccountToken();
		if (pod != null) {
			return pod ? new Hit(workload.spec("automountServiceAccountToken"), "true") : null;
		}
		String name = serviceAccount(workload.spec());
		String account = (name != null) ? name : "default";
		for (ServiceAccount known : workload.index().snapshot().serviceAccounts()) {
			if (known.namespace().equals(workload.namespace()) && known.name().equals(account)
					&& Values.isFalse(known.automountServiceAccountToken())) {
				return null;
			}
		}
		return new Hit(workload.spec("automountServiceAccountToken"), "<unset> (ServiceAccount " + account + " mounts it)");
	}

	static @Nullable String serviceAccount(V1PodSpec spec) {
		return (spec.getServiceAccountName() != null) ? spec.getServiceAccountName() : spec.getServiceAccount();
	}

	private static @Nullable Hit sensitiveKey(ConfigMap map, Index index) {
		for (String key : map.keys()) {
			String name = key.replace('.', '_').replace('-', '_');
			if (SecurityChecks.SENSITIVE.matcher(name).matches()) {
				return new Hit("data." + key, "a key named like a secret");
			}
		}
		return null;
	}

}
