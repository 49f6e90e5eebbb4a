package dev.ballast.isolation;

import java.util.List;
import java.util.stream.Stream;

/**
 * The risky rights Ballast looks for, as data: each is a set of requests (verb, group, resource,
 * subresource), any of which (or, for {@link Risk#allOf()}, all of which) a subject may make. A
 * risk's title and explanation are the message keys {@code rbac.risk.<id>} and
 * {@code rbac.risk.<id>.why}.
 */
public final class RbacRisks {

	private static final String RBAC = "rbac.authorization.k8s.io";

	private static final List<String> WORKLOADS = List.of("apps:deployments", "apps:statefulsets", "apps:daemonsets",
			"apps:replicasets", "batch:jobs", "batch:cronjobs", ":replicationcontrollers");

	/** The catalogue, most dangerous first. */
	public static final List<Risk> ALL = List.of(
			new Risk("cluster-admin", "danger", Scope.CLUSTER, false, List.of(new Request("*", "*", "*", ""))),
			new Risk("delete-namespaces", "danger", Scope.NAMESPACE_ITSELF, false,
					requests(List.of("delete", "deletecollection"), List.of(":namespaces"))),
			new Risk("delete-workloads", "warning", Scope.ANY, false,
					requests(List.of("delete", "deletecollection"), WORKLOADS)),
			new Risk("read-secrets", "danger", Scope.ANY, false,
					requests(List.of("get", "list", "watch"), List.of(":secrets"))),
			new Risk("exec-pods", "warning", Scope.ANY, false,
					requests(List.of("create", "get"), List.of(":pods"), "exec", "attach")),
			new Risk("impersonate", "danger", Scope.CLUSTER, false,
					requests(List.of("impersonate"), List.of(":users", ":groups", ":serviceaccounts",
							"authentication.k8s.io:userextras", "authentication.k8s.io:uids"))),
			new Risk("escalate", "danger", Scope.ANY, false,
					requests(List.of("escalate"), List.of(RBAC + ":roles", RBAC + ":clusterroles"))),
			new Risk("bind", "danger", Scope.ANY, false,
					requests(List.of("bind"), List.of(RBAC + ":roles", RBAC + ":clusterroles"))),
			new Risk("create-pods-kube-system", "danger", Scope.KUBE_SYSTEM, false,
					requests(List.of("create"), concat(List.of(":pods"), WORKLOADS))),
			new Risk("approve-csr", "danger", Scope.CLUSTER, true,
					List.of(new Request("update", "certificates.k8s.io", "certificatesigningrequests", "approval"),
							new Request("approve", "certificates.k8s.io", "signers", ""))),
			new Risk("create-tokens", "warning", Scope.ANY, false,
					List.of(new Request("create", "", "serviceaccounts", "token"))),
			new Risk("nodes-proxy", "danger", Scope.CLUSTER, false,
					List.of(new Request("get", "", "nodes", "proxy"), new Request("create", "", "nodes", "proxy"))));

	/** CI/CD accounts that may delete anything: the deleted-namespace outage. */
	public static final String CICD_DELETE = "cicd-delete";

	/** Image-pull accounts with more than reading Secrets. */
	public static final String IMAGE_PULL_EXCESS = "image-pull-excess";

	private RbacRisks() {
	}

	/**
	 * The severity of a risk id, including the two account-pattern risks.
	 * @param id the id
	 * @return {@code danger} or {@code warning}
	 */
	public static String severity(String id) {
		if (CICD_DELETE.equals(id)) {
			return "danger";
		}
		if (IMAGE_PULL_EXCESS.equals(id)) {
			return "warning";
		}
		return ALL.stream().filter((risk) -> risk.id().equals(id)).map(Risk::severity).findFirst().orElse("warning");
	}

	/**
	 * Every risk id, the catalogue's and the account-pattern ones.
	 * @return the ids
	 */
	public static List<String> ids() {
		return concat(ALL.stream().map(Risk::id).toList(), List.of(CICD_DELETE, IMAGE_PULL_EXCESS));
	}

	private static List<Request> requests(List<String> verbs, List<String> groupResources, String... subresources) {
		List<String> subs = (subresources.length == 0) ? List.of("") : List.of(subresources);
		return verbs.stream()
			.flatMap((verb) -> groupResources.stream().flatMap((gr) -> subs.stream().map((sub) -> {
				int colon = gr.indexOf(':');
				return new Request(verb, gr.substring(0, colon), gr.substring(colon + 1), sub);
			})))
			.toList();
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

	/** Where a risky right counts. */
	public enum Scope {

		/** Anywhere: cluster-wide or in one namespace. */
		ANY,
		/** Only cluster-wide (a cluster-scoped resource, or {@code *} on {@code *}). */
		CLUSTER,
		/**
		 * Namespaces: cluster-wide, or through a RoleBinding its own namespace (Kubernetes puts a
		 * request on a namespace object in that namespace).
		 */
		NAMESPACE_ITSELF,
		/** Cluster-wide or in {@code kube-system}. */
		KUBE_SYSTEM

	}

	/**
	 * A risky right.
	 *
	 * @param id the id
	 * @param severity {@code danger} or {@code warning}
	 * @param scope where it counts
	 * @param allOf all requests are needed (else any)
	 * @param requests the requests
	 */
	public record Risk(String id, String severity, Scope scope, boolean allOf, List<Request> requests) {

		boolean counts(String grantScope) {
			switch (this.scope) {
				case CLUSTER:
					return grantScope.isEmpty();
				case KUBE_SYSTEM:
					return grantScope.isEmpty() || "kube-system".equals(grantScope);
				default:
					return true;
			}
		}

	}

	/**
	 * A request a risky right makes. For {@code cluster-admin} the request is {@code *} on
	 * {@code *} in {@code *}: only a rule that says {@code *} for all three allows it.
	 *
	 * @param verb the verb
	 * @param group the API group
	 * @param resource the resource
	 * @param subresource the subresource, or {@code ""}
	 */
	public record Request(String verb, String group, String resource, String subresource) {
	}

}
