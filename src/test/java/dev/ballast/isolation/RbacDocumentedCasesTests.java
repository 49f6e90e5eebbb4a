package dev.ballast.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ballast.isolation.RbacQuery.Answer;
import dev.ballast.isolation.RbacQuery.Question;
import dev.ballast.snapshot.ManifestReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The cases of the Kubernetes RBAC documentation
 * (https://kubernetes.io/docs/reference/access-authn-authz/rbac/), each asked as "who can …?" once
 * for a request the subject's bindings grant and once for a close one they do not.
 */
class RbacDocumentedCasesTests {

	private static RbacReport report;

	@BeforeAll
	static void resolve() throws IOException {
		try (InputStream in = RbacDocumentedCasesTests.class.getResourceAsStream("/fixtures/isolation/rbac-docs.yaml")) {
			report = RbacResolver.resolve(new ManifestReader().read("docs", "rbac-docs.yaml", in), RbacAccounts.DEFAULT);
		}
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				// Role pod-reader in default, bound to jane
				c("role in its namespace", "User/jane", q("get", "", "pods", "", "web-1", "default"),
						q("get", "", "pods", "", "web-1", "kube-system")),
				c("role verbs", "User/jane", q("list", "", "pods", "", "", "default"),
						q("delete", "", "pods", "", "web-1", "default")),
				c("role resources", "User/jane", q("watch", "", "pods", "", "", "default"),
						q("get", "", "services", "", "web", "default")),
				// RoleBinding to ClusterRole secret-reader: dave, development only
				c("RoleBinding to a ClusterRole is limited to its namespace", "User/dave",
						q("get", "", "secrets", "", "db", "development"), q("get", "", "secrets", "", "db", "default")),
				c("RoleBinding to a ClusterRole keeps its verbs", "User/dave",
						q("watch", "", "secrets", "", "", "development"),
						q("delete", "", "secrets", "", "db", "development")),
				// ClusterRoleBinding read-secrets-global: group manager, every namespace
				c("ClusterRoleBinding to a group, any namespace", "Group/manager",
						q("get", "", "secrets", "", "db", "payments"), q("create", "", "secrets", "", "", "payments")),
				c("ClusterRoleBinding, cluster-wide list", "Group/manager", q("list", "", "secrets", "", "", ""),
						q("list", "", "configmaps", "", "", "")),
				// subresources
				c("subresource pods/log", "User/logan", q("get", "", "pods", "log", "web-1", "default"),
						q("get", "", "pods", "exec", "web-1", "default")),
				c("subresource is not the resource", "User/logan", q("get", "", "pods", "", "web-1", "default"),
						q("get", "", "pods", "status", "web-1", "default")),
				// resourceNames
				c("resourceNames: the named object", "User/connie",
						q("update", "", "configmaps", "", "my-configmap", "default"),
						q("update", "", "configmaps", "", "other", "default")),
				c("resourceNames: get the named object", "User/connie",
						q("get", "", "configmaps", "", "my-configmap", "default"),
						q("delete", "", "configmaps", "", "my-configmap", "default")),
				// wildcards
				c("wildcard resources and verbs in one group", "User/wendy",
						q("create", "example.com", "widgets", "", "", "default"), q("create", "", "pods", "", "", "default")),
				c("wildcard resources include subresources", "User/wendy",
						q("update", "example.com", "widgets", "status", "w", ""),
						q("update", "apps", "deployments", "status", "w", "")),
				c("*/scale matches any resource's scale", "User/scott",
						q("update", "apps", "deployments", "scale", "web", "default"),
						q("update", "apps", "deployments", "", "web", "default")),
				c("*/scale is no other subresource", "User/scott",
						q("update", "apps", "statefulsets", "scale", "db", "default"),
						q("update", "apps", "statefulsets", "status", "db", "default")),
				// nonResourceURLs do not grant resources
				c("nonResourceURLs grant no resource", "User/jane", q("get", "", "pods", "", "", "default"),
						q("get", "", "pods", "", "", "default").withSubject("User/hank")),
				// aggregation
				c("aggregated ClusterRole holds the selected roles' rules", "User/monica",
						q("list", "", "services", "", "", "default"), q("delete", "", "services", "", "x", "default")),
				c("aggregated into edit", "User/eddie", q("create", "stable.example.com", "crontabs", "", "", "team"),
						q("create", "stable.example.com", "crontabs", "", "", "other")),
				c("aggregated transitively: edit into admin", "User/adam",
						q("delete", "stable.example.com", "crontabs", "", "c", "team"),
						q("delete", "stable.example.com", "crontabs", "", "c", "default")),
				c("aggregation by matchExpressions, view reads only", "User/vera",
						q("watch", "stable.example.com", "crontabs", "", "", "team"),
						q("delete", "stable.example.com", "crontabs", "", "c", "team")),
				// subjects
				c("group subject", "Group/frontend-admins", q("update", "apps", "deployments", "", "web", "web"),
						q("update", "apps", "deployments", "", "web", "default")),
				c("service account of another namespace", "ServiceAccount/kube-system/default",
						q("delete", "apps", "deployments", "", "web", "web"),
						q("delete", "apps", "deployments", "", "web", "kube-system")),
				c("all service accounts of a namespace", "Group/system:serviceaccounts:qa",
						q("get", "", "configmaps", "", "c", "qa"), q("get", "", "configmaps", "", "c", "default")),
				c("all service accounts", "Group/system:serviceaccounts", q("list", "events.k8s.io", "events", "", "", ""),
						q("list", "", "events", "", "", "")),
				c("service account named as a user", "ServiceAccount/ops/runner",
						q("get", "", "configmaps", "", "c", "ops"), q("get", "", "configmaps", "", "c", "default")),
				c("binding to a missing role grants nothing", "User/olga", q("get", "", "nodes", "", "n1", ""),
						q("get", "", "nodes", "", "n1", "").withSubject("User/gus")),
				// scope of cluster-scoped resources
				c("RoleBinding may delete its own namespace", "User/nina",
						q("delete", "", "namespaces", "", "sandbox", ""), q("delete", "", "namespaces", "", "prod", "")),
				c("RoleBinding grants no cluster-scoped resource", "User/olga", q("list", "", "nodes", "", "", ""),
						q("list", "", "nodes", "", "", "").withSubject("User/nora")),
				c("system:masters may do anything", "Group/system:masters",
						q("delete", "", "namespaces", "", "kube-system", ""),
						q("delete", "", "namespaces", "", "kube-system", "").withSubject("User/jane")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void grantsAndDenies(String title, String subject, Asked granted, Asked denied) {
		assertThat(subjects(granted.question())).as("granted").contains(granted.subject(subject));
		assertThat(subjects(denied.question())).as("denied").doesNotContain(denied.subject(subject));
	}

	@Test
	void documentsMoreThanTwentyFiveCases() {
		assertThat(cases().count()).isGreaterThanOrEqualTo(25);
	}

	@Test
	void answersSayWhichBindingRoleAndRuleGrantIt() {
		Answer answer = RbacQuery.whoCan(report, new Question("get", "", "secrets", "", "db", "development"))
			.stream()
			.filter((a) -> a.subject().equals("User/dave"))
			.findFirst()
			.orElseThrow();
		assertThat(answer.binding()).isEqualTo("RoleBinding/development/read-secrets");
		assertThat(answer.role()).isEqualTo("ClusterRole/secret-reader");
		assertThat(answer.scope()).isEqualTo("development");
		assertThat(answer.rule().resources()).containsExactly("secrets");
	}

	@Test
	void aggregationIsRecorded() {
		assertThat(report.roles().get("ClusterRole/admin").aggregatedFrom()).containsExactlyInAnyOrder("edit",
				"aggregate-cron-tabs-edit");
		assertThat(report.notes()).contains("rbac.note.aggregated");
	}

	@Test
	void withoutANameRulesLimitedToNamesCountOnlyForAnyObject() {
		RbacRule rule = report.roles().get("Role/default/configmap-updater").rules().get(0);
		// Kubernetes: a request without a name (list, create) never matches a rule with resourceNames
		assertThat(rule.allows("get", "", "configmaps", "", "")).isFalse();
		assertThat(rule.allowsAnyName("get", "", "configmaps", "")).isTrue();
	}

	@Test
	void aServiceAccountHoldsWhatItsGroupsAreGranted() {
		List<RbacQuery.Permission> permissions = RbacQuery.permissions(report, "ServiceAccount/ops/runner");
		assertThat(permissions).extracting(RbacQuery.Permission::via)
			.contains("", "Group/system:serviceaccounts");
		// an account no binding names holds what the groups standing for it hold
		assertThat(RbacQuery.permissions(report, "ServiceAccount/qa/tester")).extracting(RbacQuery.Permission::via)
			.containsExactlyInAnyOrder("Group/system:serviceaccounts:qa", "Group/system:serviceaccounts");
		assertThat(RbacQuery.permissions(report, "ServiceAccount/qa/tester")).extracting(RbacQuery.Permission::scope)
			.containsExactly("", "qa");
		assertThat(RbacQuery.permissions(report, "User/nobody")).isNull();
		assertThat(RbacQuery.permissions(report, "Pod/x")).isNull();
	}

	private static List<String> subjects(Question question) {
		return RbacQuery.whoCan(report, question).stream().map(Answer::subject).toList();
	}

	private static Arguments c(String title, String subject, Asked granted, Asked denied) {
		return arguments(title, subject, granted, denied);
	}

	private static Asked q(String verb, String group, String resource, String subresource, String name,
			String namespace) {
		return new Asked(new Question(verb, group, resource, subresource, name, namespace), null);
	}

	/** A question, and the subject to look for when not the case's own. */
	record Asked(Question question, @Nullable String other) {

		Asked withSubject(String subject) {
			return new Asked(this.question, subject);
		}

		String subject(String own) {
			return (this.other != null) ? this.other : own;
		}

		@Override
		public String toString() {
			return this.question.toString();
		}

	}

}
