package dev.ballast.isolation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.kubernetes.client.openapi.models.V1AggregationRule;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterSnapshot;

/**
 * Resolves a snapshot's Roles, ClusterRoles and bindings into subjects with their grants, then
 * looks for {@link RbacRisks}.
 */
final class RbacResolver {

	private static final List<String> KINDS = List.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

	private final Map<String, V1ClusterRole> clusterRoles = new LinkedHashMap<>();

	private final Map<String, RbacRole> roles = new TreeMap<>();

	private final Map<String, V1Role> namespaced = new LinkedHashMap<>();

	private final Map<String, SubjectBuilder> subjects = new TreeMap<>();

	private RbacResolver(ClusterSnapshot snapshot) {
		snapshot.clusterRoles().forEach((role) -> this.clusterRoles.put(role.getMetadata().getName(), role));
		snapshot.roles()
			.forEach((role) -> this.namespaced.put(
					RbacRole.key("Role", role.getMetadata().getNamespace(), role.getMetadata().getName()), role));
	}

	static RbacReport resolve(ClusterSnapshot snapshot, RbacAccounts accounts) {
		RbacResolver resolver = new RbacResolver(snapshot);
		for (V1ClusterRoleBinding binding : snapshot.clusterRoleBindings()) {
			resolver.bind("ClusterRoleBinding/" + binding.getMetadata().getName(), "", binding.getRoleRef(),
					binding.getSubjects());
		}
		for (V1RoleBinding binding : snapshot.roleBindings()) {
			String namespace = binding.getMetadata().getNamespace();
			resolver.bind("RoleBinding/" + namespace + "/" + binding.getMetadata().getName(), namespace,
					binding.getRoleRef(), binding.getSubjects());
		}
		List<RbacSubject> subjects = resolver.subjects.values().stream().map(SubjectBuilder::build).toList();
		List<RbacFinding> findings = new ArrayList<>();
		for (RbacSubject subject : subjects) {
			findings.addAll(RbacFindings.of(subject, resolver.roles, accounts));
		}
		List<String> missing = KINDS.stream().filter((kind) -> snapshot.gap(kind) != null).toList();
		List<String> notes = new ArrayList<>();
		if (!missing.isEmpty()) {
			notes.add("rbac.note.missing");
		}
		if (resolver.roles.values().stream().anyMatch((role) -> !role.aggregatedFrom().isEmpty())) {
			notes.add("rbac.note.aggregated");
		}
		return new RbacReport(notes, missing, snapshot.serviceAccounts().size(), resolver.roles, subjects, findings);
	}

	private void bind(String binding, String scope, @Nullable V1RoleRef roleRef, @Nullable List<RbacV1Subject> named) {
		if (roleRef == null || named == null) {
			return;
		}
		String key = RbacRole.key(roleRef.getKind(), scope, roleRef.getName());
		boolean exists = role(key, roleRef) != null;
		for (RbacV1Subject subject : named) {
			SubjectBuilder builder = subject(subject, scope);
			builder.grants.add(new RbacGrant(binding, key, scope, !exists));
		}
	}

	private @Nullable RbacRole role(String key, V1RoleRef roleRef) {
		RbacRole known = this.roles.get(key);
		if (known != null) {
			return known;
		}
		RbacRole resolved;
		if ("ClusterRole".equals(roleRef.getKind())) {
			V1ClusterRole role = this.clusterRoles.get(roleRef.getName());
			resolved = (role != null) ? aggregate(role) : null;
		}
		else {
			V1Role role = this.namespaced.get(key);
			resolved = (role != null) ? new RbacRole("Role", role.getMetadata().getNamespace(),
					role.getMetadata().getName(), List.of(), rules(role.getRules())) : null;
		}
		if (resolved != null) {
			this.roles.put(key, resolved);
		}
		return resolved;
	}

	/**
	 * A ClusterRole's own rules and those of every ClusterRole its aggregationRule selects, followed
	 * transitively: on a live cluster the controller has already copied them into the role, in
	 * manifests it may not have; the union is the same either way.
	 */
	private RbacRole aggregate(V1ClusterRole role) {
		Set<RbacRule> rules = new LinkedHashSet<>(rules(role.getRules()));
		Set<String> from = new LinkedHashSet<>();
		Deque<V1ClusterRole> pending = new ArrayDeque<>(List.of(role));
		Set<String> seen = new LinkedHashSet<>(List.of(role.getMetadata().getName()));
		while (!pending.isEmpty()) {
			V1AggregationRule aggregation = pending.pop().getAggregationRule();
			if (aggregation == null || aggregation.getClusterRoleSelectors() == null) {
				continue;
			}
			for (V1ClusterRole candidate : this.clusterRoles.values()) {
				String name = candidate.getMetadata().getName();
				if (!seen.contains(name) && selects(aggregation.getClusterRoleSelectors(), candidate)) {
					seen.add(name);
					from.add(name);
					rules.addAll(rules(candidate.getRules()));
					pending.add(candidate);
				}
			}
		}
		return new RbacRole("ClusterRole", "", role.getMetadata().getName(), List.copyOf(from), List.copyOf(rules));
	}

	private static boolean selects(List<V1LabelSelector> selectors, V1ClusterRole candidate) {
		Map<String, String> labels = candidate.getMetadata().getLabels();
		Map<String, String> present = (labels != null) ? labels : Map.of();
		return selectors.stream().anyMatch((selector) -> LabelSelectors.matches(selector, present));
	}

	private static List<RbacRule> rules(@Nullable List<V1PolicyRule> rules) {
		if (rules == null) {
			return List.of();
		}
		return rules.stream()
			.map((rule) -> new RbacRule(list(rule.getVerbs()), list(rule.getApiGroups()), list(rule.getResources()),
					list(rule.getResourceNames()), list(rule.getNonResourceURLs())))
			.toList();
	}

	private static List<String> list(@Nullable List<String> values) {
		return (values != null) ? List.copyOf(values) : List.of();
	}

	private SubjectBuilder subject(RbacV1Subject subject, String bindingNamespace) {
		String kind = subject.getKind();
		String name = subject.getName();
		String namespace = "";
		if ("ServiceAccount".equals(kind)) {
			namespace = (subject.getNamespace() != null) ? subject.getNamespace() : bindingNamespace;
		}
		else if ("User".equals(kind) && name.startsWith("system:serviceaccount:")
				&& name.split(":").length == 4) {
			// a service account named as its user: the same subject
			String[] parts = name.split(":");
			kind = "ServiceAccount";
			namespace = parts[2];
			name = parts[3];
		}
		String ref = RbacSubject.ref(kind, namespace, name);
		String k = kind;
		String ns = namespace;
		String n = name;
		return this.subjects.computeIfAbsent(ref, (r) -> new SubjectBuilder(k, ns, n));
	}

	private final class SubjectBuilder {

		private final String kind;

		private final String namespace;

		private final String name;

		private final List<RbacGrant> grants = new ArrayList<>();

		SubjectBuilder(String kind, String namespace, String name) {
			this.kind = kind;
			this.namespace = namespace;
			this.name = name;
		}

		RbacSubject build() {
			List<RbacGrant> distinct = List.copyOf(new LinkedHashSet<>(this.grants));
			return new RbacSubject(this.kind, this.namespace, this.name, covers(this.kind, this.name),
					RbacSystemSubjects.isSystem(this.kind, this.namespace, this.name, distinct), distinct);
		}

	}

	static String covers(String kind, String name) {
		if (!"Group".equals(kind)) {
			return "";
		}
		if ("system:serviceaccounts".equals(name)) {
			return "service-accounts";
		}
		if (name.startsWith("system:serviceaccounts:")) {
			return "service-accounts-in";
		}
		if ("system:authenticated".equals(name)) {
			return "authenticated";
		}
		if ("system:unauthenticated".equals(name)) {
			return "unauthenticated";
		}
		return "";
	}

}
