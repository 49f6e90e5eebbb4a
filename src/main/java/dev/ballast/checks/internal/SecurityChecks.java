package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.internal.WorkloadView.ContainerView;

import static dev.ballast.checks.Category.SECURITY;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.CONTAINER;
import static dev.ballast.checks.internal.Define.def;

/**
 * A container's privileges: security context, capabilities, host ports, seccomp, secrets in
 * plain text.
 */
final class SecurityChecks {

	/** Capabilities that amount to root on the node or its network. */
	private static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE",
			"SYS_RAWIO", "SYS_BOOT", "BPF", "DAC_READ_SEARCH", "PERFMON");

	/** Capabilities of the container runtime's default set that few applications need. */
	private static final Set<String> INSECURE = Set.of("CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW",
			"SETGID", "SETUID", "SETFCAP", "SETPCAP", "SYS_CHROOT", "KILL", "AUDIT_WRITE");

	/** Names of environment variables that usually hold a secret. */
	static final Pattern SENSITIVE = Pattern.compile(
			"(?i).*(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)([_-]?\\d*)$");

	private SecurityChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		checks.add(container("privileged", DANGER, Docs.POD_SECURITY,
				(workload, c) -> Values.isTrue(context(c).getPrivileged()) ? new Hit("securityContext.privileged", "true")
						: null));
		checks.add(container("privilege-escalation-allowed", WARNING, Docs.SECURITY_CONTEXT,
				(workload, c) -> Values.isFalse(context(c).getAllowPrivilegeEscalation()) ? null
						: new Hit("securityContext.allowPrivilegeEscalation",
								Values.orUnset(context(c).getAllowPrivilegeEscalation()))));
		checks.add(container("run-as-root", DANGER, Docs.SECURITY_CONTEXT, (workload, c) -> {
			Long user = runAsUser(workload, c);
			return (user != null && user == 0) ? new Hit("securityContext.runAsUser", "0") : null;
		}));
		checks.add(container("run-as-non-root-unset", WARNING, Docs.SECURITY_CONTEXT, (workload, c) -> {
			Boolean nonRoot = (context(c).getRunAsNonRoot() != null) ? context(c).getRunAsNonRoot()
					: pod(workload).getRunAsNonRoot();
			return (Values.isTrue(nonRoot) || runAsUser(workload, c) != null) ? null
					: new Hit("securityContext.runAsNonRoot", Values.orUnset(nonRoot));
		}));
		checks.add(container("root-filesystem-writable", WARNING, Docs.SECURITY_CONTEXT,
				(workload, c) -> Values.isTrue(context(c).getReadOnlyRootFilesystem()) ? null
						: new Hit("securityContext.readOnlyRootFilesystem",
								Values.orUnset(context(c).getReadOnlyRootFilesystem()))));
		checks.add(container("capabilities-dangerous", DANGER, Docs.SECURITY_CONTEXT, (workload, c) -> {
			Set<String> added = intersect(capabilities(c, true), DANGEROUS);
			return added.isEmpty() ? null : new Hit("securityContext.capabilities.add", String.join(", ", added));
		}));
		checks.add(container("capabilities-not-dropped", WARNING, Docs.SECURITY_CONTEXT, (workload, c) -> {
			Set<String> insecure = intersect(capabilities(c, true), INSECURE);
			if (!insecure.isEmpty()) {
				return new Hit("securityContext.capabilities.add", String.join(", ", insecure));
			}
			Set<String> dropped = capabilities(c, false);
			return dropped.contains("ALL") ? null : new Hit("securityContext.capabilities.drop",
					dropped.isEmpty() ? Hit.UNSET : String.join(", ", dropped));
		}));
		checks.add(container("host-port", WARNING, Docs.POD_SECURITY, (workload, c) -> {
			List<V1ContainerPort> ports = c.container().getPorts();
			if (ports == null || Values.isTrue(workload.spec().getHostNetwork())) {
				return null;
			}
			for (int i = 0; i < ports.size(); i++) {
				Integer hostPort = ports.get(i).getHostPort();
				if (hostPort != null && hostPort > 0) {
					return new Hit("ports[" + i + "].hostPort", String.valueOf(hostPort));
				}
			}
			return null;
		}));
		checks.add(container("seccomp-profile-missing", WARNING, Docs.SECCOMP, SecurityChecks::seccomp));
		checks.add(container("env-secret-literal", DANGER, Docs.SECRETS, (workload, c) -> {
			List<V1EnvVar> env = c.container().getEnv();
			if (env == null) {
				return null;
			}
			for (int i = 0; i < env.size(); i++) {
				V1EnvVar variable = env.get(i);
				String value = variable.getValue();
				if (value != null && !value.isBlank() && variable.getName() != null
						&& SENSITIVE.matcher(variable.getName()).matches()) {
					return new Hit("env[" + i + "].value", variable.getName() + "=<" + value.length() + " characters, hidden>");
				}
			}
			return null;
		}));
		checks.add(container("proc-mount-unmasked", WARNING, Docs.POD_SECURITY,
				(workload, c) -> "Unmasked".equals(context(c).getProcMount())
						? new Hit("securityContext.procMount", "Unmasked") : null));
		checks.add(container("host-process", DANGER, Docs.HOST_PROCESS, (workload, c) -> {
			var container = context(c).getWindowsOptions();
			var pod = pod(workload).getWindowsOptions();
			boolean hostProcess = (container != null && Values.isTrue(container.getHostProcess()))
					|| (pod != null && Values.isTrue(pod.getHostProcess()));
			return hostProcess ? new Hit("securityContext.windowsOptions.hostProcess", "true") : null;
		}));
		return checks;
	}

	private static Check container(String id, dev.ballast.checks.Severity severity, String docs,
			Define.ContainerRule rule) {
		return Define.container(def(id, SECURITY, severity, CONTAINER, docs), Kinds.ALL, true, rule);
	}

	static V1SecurityContext context(ContainerView c) {
		V1SecurityContext context = c.container().getSecurityContext();
		return (context != null) ? context : new V1SecurityContext();
	}

	static V1PodSecurityContext pod(WorkloadView workload) {
		V1PodSecurityContext context = workload.spec().getSecurityContext();
		return (context != null) ? context : new V1PodSecurityContext();
	}

	private static @Nullable Long runAsUser(WorkloadView workload, ContainerView c) {
		return (context(c).getRunAsUser() != null) ? context(c).getRunAsUser() : pod(workload).getRunAsUser();
	}

	private static Set<String> capabilities(ContainerView c, boolean added) {
		V1Capabilities capabilities = context(c).getCapabilities();
		List<String> names = (capabilities == null) ? null
				: (added ? capabilities.getAdd() : capabilities.getDrop());
		Set<String> result = new TreeSet<>();
		if (names != null) {
			for (String name : names) {
				result.add(name.toUpperCase(java.util.Locale.ROOT).replaceFirst("^CAP_", ""));
			}
		}
		return result;
	}

	private static Set<String> intersect(Set<String> names, Set<String> of) {
		Set<String> result = new TreeSet<>(names);
		result.retainAll(of);
		return result;
	}

	private static @Nullable Hit seccomp(WorkloadView workload, ContainerView c) {
		V1SeccompProfile profile = (context(c).getSeccompProfile() != null) ? context(c).getSeccompProfile()
				: pod(workload).getSeccompProfile();
		if (profile == null) {
			String legacy = workload.podAnnotations().get("seccomp.security.alpha.kubernetes.io/pod");
			if (legacy != null && !legacy.equals("unconfined")) {
				return null;
			}
			return Hit.unset("securityContext.seccompProfile");
		}
		return "Unconfined".equals(profile.getType()) ? new Hit("securityContext.seccompProfile.type", "Unconfined")
				: null;
	}

}
