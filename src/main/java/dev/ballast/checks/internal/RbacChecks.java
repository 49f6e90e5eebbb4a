package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Severity;
import dev.ballast.checks.Subject;

import static dev.ballast.checks.Category.SECURITY;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.CLUSTER;
import static dev.ballast.checks.internal.Define.def;

/**
 * Who was granted too much: bindings of people and service accounts (not the cluster's own
 * {@code system:} identities) to all-powerful roles, to exec into pods, to delete namespaces and
 * to read Secrets. One parameterised rule, one row per grant.
 */
final class RbacChecks {

	private RbacChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		for (Grant grant : Grant.values()) {
			checks.add(Define.objects(def(grant.id, SECURITY, grant.severity, CLUSTER, Docs.RBAC, "ClusterRole",
					"ClusterRoleBinding"), RbacChecks::bindings, Binding::subject, (binding, index) -> test(binding, grant)));
		}
		return checks;
	}

	private static @Nullable Hit test(Binding binding, Grant grant) {
		if (binding.subjects().isEmpty()) {
			return null;
		}
		boolean everything = binding.role().equals("ClusterRole/cluster-admin") || grants(binding.rules(), "*", "*");
		boolean granted = (grant == Grant.CLUSTER_ADMIN) ? everything
				: !everything && grant.verbs.stream().anyMatch((verb) -> grant.resources.stream()
					.anyMatch((resource) -> grants(binding.rules(), resource, verb)));
		return granted ? new Hit("roleRef", binding.role() + " to " + binding.subjects()) : null;
	}

	private static boolean grants(List<V1PolicyRule> rules, String resource, String verb) {
		for (V1PolicyRule rule : rules) {
			List<String> groups = (rule.getApiGroups() != null) ? rule.getApiGroups() : List.of();
			List<String> resources = (rule.getResources() != null) ? rule.getResources() : List.of();
			if ((groups.contains("") || groups.contains("*"))
					&& (resources.contains(resource) || resources.contains("*"))
					&& (rule.getVerbs().contains(verb) || rule.getVerbs().contains("*"))) {
				return true;
			}
		}
		return false;
	}

	private static List<Binding> bindings(Index index) {
		List<Binding> bindings = new ArrayList<>();
		for (V1ClusterRoleBinding binding : index.snapshot().clusterRoleBindings()) {
			String name = String.valueOf(binding.getMetadata().getName());
			if (!name.startsWith("system:")) {
				bindings.add(new Binding(new Subject("ClusterRoleBinding", "", name), role(binding.getRoleRef()),
						rules(index, binding.getRoleRef(), null), subjects(binding.getSubjects())));
			}
		}
		for (V1RoleBinding binding : index.snapshot().roleBindings()) {
			String name = String.valueOf(binding.getMetadata().getName());
			String namespace = String.valueOf(binding.getMetadata().getNamespace());
			if (!name.startsWith("system:")) {
				bindings.add(new Binding(new Subject("RoleBinding", namespace, name), role(binding.getRoleRef()),
						rules(index, binding.getRoleRef(), namespace), subjects(binding.getSubjects())));
			}
		}
		return bindings;
	}

	private static String role(V1RoleRef ref) {
		return ref.getKind() + "/" + ref.getName();
	}

	private static List<V1PolicyRule> rules(Index index, V1RoleRef ref, @Nullable String namespace) {
		if ("ClusterRole".equals(ref.getKind())) {
			for (V1ClusterRole role : index.snapshot().clusterRoles()) {
				if (ref.getName().equals(role.getMetadata().getName()) && role.getRules() != null) {
					return role.getRules();
				}
			}
		}
		if ("ClusterRole".equals(ref.getKind()) && (ref.getName().equals("admin") || ref.getName().equals("edit"))) {
			// the built-in aggregated roles, when the snapshot does not hold them
			return List.of(new V1PolicyRule().apiGroups(List.of("")).resources(List.of("pods/exec", "pods/attach", "secrets"))
				.verbs(List.of("create", "get", "list", "watch")));
		}
		else if (namespace != null) {
			for (V1Role role : index.snapshot().roles()) {
				if (ref.getName().equals(role.getMetadata().getName())
						&& namespace.equals(role.getMetadata().getNamespace()) && role.getRules() != null) {
					return role.getRules();
				}
			}
		}
		return List.of();
	}

	private static String subjects(@Nullable List<RbacV1Subject> subjects) {
		if (subjects == null) {
			return "";
		}
		return subjects.stream()
			.filter((subject) -> subject.getName() != null && !subject.getName().startsWith("system:"))
			.map((subject) -> subject.getKind() + " "
					+ ((subject.getNamespace() != null) ? subject.getNamespace() + "/" : "") + subject.getName())
			.collect(Collectors.joining(", "));
	}

	/** A binding with its role's rules and its non-system subjects. */
	private record Binding(Subject subject, String role, List<V1PolicyRule> rules, String subjects) {
	}

	/** The grants worth a finding. */
	private enum Grant {

		CLUSTER_ADMIN("rbac-cluster-admin", DANGER, List.of("*"), List.of("*")),
		POD_EXEC("rbac-pod-exec", WARNING, List.of("pods/exec", "pods/attach"), List.of("create", "get")),
		NAMESPACE_DELETE("rbac-namespace-delete", DANGER, List.of("namespaces"), List.of("delete", "deletecollection")),
		SECRETS_READ("rbac-secrets-read", WARNING, List.of("secrets"), List.of("get", "list", "watch"));

		private final String id;

		private final Severity severity;

		private final List<String> resources;

		private final List<String> verbs;

		Grant(String id, Severity severity, List<String> resources, List<String> verbs) {
			this.id = id;
			this.severity = severity;
			this.resources = resources;
			this.verbs = verbs;
		}

	}

}
