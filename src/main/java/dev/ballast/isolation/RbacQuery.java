package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Questions asked of a stored {@link RbacReport} at request time: who can make a request, and what
 * one subject may do. Pure functions of the report.
 */
public final class RbacQuery {

	/** The group Kubernetes grants everything, without any binding. */
	public static final String MASTERS = "system:masters";

	/** Well-known cluster-scoped resources: a RoleBinding never grants them. */
	static final Set<String> CLUSTER_SCOPED = Set.of("namespaces", "nodes", "persistentvolumes", "clusterroles",
			"clusterrolebindings", "certificatesigningrequests", "storageclasses", "customresourcedefinitions",
			"priorityclasses", "validatingwebhookconfigurations", "mutatingwebhookconfigurations", "apiservices",
			"csidrivers", "csinodes", "runtimeclasses", "ingressclasses", "volumeattachments", "tokenreviews",
			"subjectaccessreviews", "selfsubjectaccessreviews", "selfsubjectrulesreviews", "componentstatuses",
			"signers", "users", "groups", "validatingadmissionpolicies", "validatingadmissionpolicybindings",
			"flowschemas", "prioritylevelconfigurations", "ipaddresses", "servicecidrs");

	private RbacQuery() {
	}

	/**
	 * Who can make a request: every subject with a binding whose role holds a rule that allows it,
	 * with that binding, role and rule (the "because"), after {@code system:masters}.
	 * @param report the report
	 * @param question the request
	 * @return the answers
	 */
	public static List<Answer> whoCan(RbacReport report, Question question) {
		List<Answer> answers = new ArrayList<>();
		answers.add(new Answer("Group/" + MASTERS, "Group", "", MASTERS, "masters", true, "", "", "", null));
		String namespace = question.namespace();
		if (namespace.isEmpty() && question.namespaceObject() && !question.name().isEmpty()) {
			// Kubernetes puts a request on namespace X in namespace X: a RoleBinding there grants it
			namespace = question.name();
		}
		boolean clusterScoped = CLUSTER_SCOPED.contains(question.resource()) && !question.namespaceObject();
		for (RbacSubject subject : report.subjects()) {
			if (subject.kind().equals("Group") && subject.name().equals(MASTERS)) {
				continue;
			}
			for (RbacGrant grant : subject.grants()) {
				RbacRole role = report.roles().get(grant.role());
				if (role == null || !applies(grant.scope(), namespace, clusterScoped)) {
					continue;
				}
				RbacRule rule = firstAllowing(role, question);
				if (rule != null) {
					answers.add(new Answer(subject.ref(), subject.kind(), subject.namespace(), subject.name(),
							subject.covers(), subject.system(), grant.binding(), grant.role(), grant.scope(), rule));
				}
			}
		}
		return answers;
	}

	/**
	 * What a subject may do, binding by binding: its own bindings and, for a service account, those
	 * of the groups that stand for it ({@code system:serviceaccounts},
	 * {@code system:serviceaccounts:<ns>}, {@code system:authenticated}).
	 * @param report the report
	 * @param subjectRef the subject's reference ({@link RbacSubject#ref()})
	 * @return its permissions by scope (cluster-wide first), or {@code null} for a subject no binding
	 * names and no group binding stands for
	 */
	public static @Nullable List<Permission> permissions(RbacReport report, String subjectRef) {
		RbacSubject named = report.subjects().stream().filter((s) -> s.ref().equals(subjectRef)).findFirst()
			.orElse(null);
		RbacSubject subject = (named != null) ? named : unnamed(subjectRef);
		if (subject == null) {
			return null;
		}
		List<Permission> permissions = new ArrayList<>();
		for (RbacSubject holder : report.subjects()) {
			if (holder == subject || standsFor(holder, subject)) {
				for (RbacGrant grant : holder.grants()) {
					RbacRole role = report.roles().get(grant.role());
					List<RbacRule> rules = (role != null) ? role.rules() : List.of();
					for (RbacRule rule : rules) {
						permissions.add(new Permission(grant.scope(), grant.binding(), grant.role(),
								(holder == subject) ? "" : holder.ref(), rule));
					}
				}
			}
		}
		permissions.sort(Comparator.comparing(Permission::scope));
		return (named == null && permissions.isEmpty()) ? null : permissions;
	}

	/** A user or service account no binding names: it may still hold what its groups are granted. */
	private static @Nullable RbacSubject unnamed(String ref) {
		String[] parts = ref.split("/", -1);
		if (parts.length == 3 && "ServiceAccount".equals(parts[0]) && !parts[1].isEmpty() && !parts[2].isEmpty()) {
			return new RbacSubject(parts[0], parts[1], parts[2], "", false, List.of());
		}
		if (parts.length == 2 && "User".equals(parts[0]) && !parts[1].isEmpty()) {
			return new RbacSubject(parts[0], "", parts[1], "", false, List.of());
		}
		return null;
	}

	private static boolean standsFor(RbacSubject group, RbacSubject subject) {
		boolean account = "ServiceAccount".equals(subject.kind());
		switch (group.covers()) {
			case "service-accounts":
				return account;
			case "service-accounts-in":
				return account && group.name().equals("system:serviceaccounts:" + subject.namespace());
			case "authenticated":
				return !"Group".equals(subject.kind());
			default:
				return false;
		}
	}

	private static boolean applies(String grantScope, String namespace, boolean clusterScoped) {
		if (grantScope.isEmpty()) {
			return true;
		}
		if (!namespace.isEmpty()) {
			return grantScope.equals(namespace);
		}
		return !clusterScoped;
	}

	private static @Nullable RbacRule firstAllowing(RbacRole role, Question question) {
		for (RbacRule rule : role.rules()) {
			boolean allowed = question.name().isEmpty()
					? rule.allowsAnyName(question.verb(), question.group(), question.resource(), question.subresource())
					: rule.allows(question.verb(), question.group(), question.resource(), question.subresource(),
							question.name());
			if (allowed) {
				return rule;
			}
		}
		return null;
	}

	/**
	 * A request: "who can {@code verb} {@code resource} [named {@code name}] [in {@code namespace}]?"
	 *
	 * @param verb the verb
	 * @param group the API group ({@code ""} core)
	 * @param resource the resource
	 * @param subresource the subresource, or {@code ""}
	 * @param name the object, or {@code ""} for any object (rules limited to named objects then count,
	 * and the answer shows their names)
	 * @param namespace the namespace, or {@code ""} for anywhere (cluster-wide grants, and for a
	 * namespaced resource each namespace's grants)
	 */
	public record Question(String verb, String group, String resource, String subresource, String name,
			String namespace) {

		boolean namespaceObject() {
			return this.group.isEmpty() && "namespaces".equals(this.resource);
		}

	}

	/**
	 * A subject that can make the request, and why.
	 *
	 * @param subject the subject's reference
	 * @param kind its kind
	 * @param namespace a service account's namespace
	 * @param name its name
	 * @param covers who else it stands for ({@link RbacSubject#covers()}; {@code masters} for
	 * {@code system:masters})
	 * @param system one of Kubernetes' own components
	 * @param binding the binding ({@code ""} for {@code system:masters}: no binding needed)
	 * @param role the role
	 * @param scope {@code ""} cluster-wide, else the namespace
	 * @param rule the rule that allows it ({@code null} for {@code system:masters})
	 */
	public record Answer(String subject, String kind, String namespace, String name, String covers, boolean system,
			String binding, String role, String scope, @Nullable RbacRule rule) {
	}

	/**
	 * One rule a subject holds, and through what.
	 *
	 * @param scope {@code ""} cluster-wide, else the namespace
	 * @param binding the binding
	 * @param role the role
	 * @param via the group that stands for the subject, or {@code ""} when bound directly
	 * @param rule the rule
	 */
	public record Permission(String scope, String binding, String role, String via, RbacRule rule) {
	}

}
