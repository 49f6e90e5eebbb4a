package dev.ballast.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-check's logic over discovery and an access reviewer that answers like RBAC would.
 */
class ReadOnlySelfCheckTests {

	private static final List<ServedResource> SERVED = List.of(
			new ServedResource("", "v1", "pods", true, Set.of("get", "list", "watch", "create", "delete", "patch")),
			new ServedResource("", "v1", "pods/exec", true, Set.of("create", "get")),
			new ServedResource("", "v1", "pods/eviction", true, Set.of("create")),
			new ServedResource("", "v1", "nodes", false, Set.of("get", "list", "watch", "update")),
			new ServedResource("", "v1", "secrets", true, Set.of("get", "list", "watch", "create")),
			new ServedResource("apps", "v1", "deployments", true, Set.of("get", "list", "watch", "update", "delete")),
			new ServedResource("networking.k8s.io", "v1", "networkpolicies", true, Set.of("get", "list", "create")),
			new ServedResource("authorization.k8s.io", "v1", "selfsubjectaccessreviews", false, Set.of("create")));

	private static final List<String> NAMESPACES = List.of("default", "kube-system", "shop");

	private final ReadOnlySelfCheck check = new ReadOnlySelfCheck(
			Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void passesACredentialThatOnlyReads() throws Exception {
		ReadOnlyVerdict verdict = this.check.check(SERVED, NAMESPACES, reviewer((p) -> Set.of("get", "list", "watch")
			.contains(p.verb()) && !p.resource().equals("secrets") && p.subresource().isEmpty()));
		assertThat(verdict.readOnly()).isTrue();
		assertThat(verdict.dangerous()).isEmpty();
		assertThat(verdict.unreadable()).isEmpty();
		assertThat(verdict.reviews()).isGreaterThan(40);
	}

	@Test
	void refusesAnyWriteAndNamesIt() throws Exception {
		ReadOnlyVerdict verdict = this.check.check(SERVED, NAMESPACES,
				reviewer((p) -> (p.verb().equals("list") && !p.resource().equals("secrets"))
						|| (p.verb().equals("delete") && p.resource().equals("deployments"))));
		assertThat(verdict.readOnly()).isFalse();
		assertThat(verdict.dangerous()).extracting(Permission::describe)
			.containsExactly("delete apps/deployments (cluster-wide)");
	}

	@Test
	void findsAWriteGrantedInOneNamespaceOnly() throws Exception {
		ReadOnlyVerdict verdict = this.check.check(SERVED, NAMESPACES,
				reviewer((p) -> p.verb().equals("create") && p.resource().equals("pods") && p.subresource().equals("eviction")
						&& p.namespace().equals("shop")));
		assertThat(verdict.dangerous()).extracting(Permission::describe)
			.containsExactly("create pods/eviction in namespace shop");
	}

	@Test
	void refusesSecretsExecImpersonationEscalationAndTokens() throws Exception {
		ReadOnlyVerdict verdict = this.check.check(SERVED, List.of(), reviewer((p) -> switch (p.verb()) {
			case "get" -> p.resource().equals("secrets") || p.subresource().equals("exec") || p.subresource().equals("proxy");
			case "impersonate", "escalate" -> true;
			case "create" -> p.subresource().equals("token");
			default -> false;
		}));
		assertThat(verdict.dangerous()).extracting(Permission::describe)
			.contains("get secrets (cluster-wide)", "get pods/exec (cluster-wide)", "get nodes/proxy (cluster-wide)",
					"impersonate users (cluster-wide)", "escalate rbac.authorization.k8s.io/clusterroles (cluster-wide)",
					"create serviceaccounts/token (cluster-wide)");
	}

	@Test
	void doesNotCountAccessReviewsAsWrites() {
		assertThat(ReadOnlySelfCheck.dangerousProbes(SERVED, NAMESPACES))
			.noneMatch((p) -> p.group().equals("authorization.k8s.io"));
	}

	@Test
	void listsWhatTheCredentialCannotRead() throws Exception {
		ReadOnlyVerdict verdict = this.check.check(SERVED, NAMESPACES,
				reviewer((p) -> p.verb().equals("list") && !p.resource().equals("networkpolicies")
						&& !p.resource().equals("secrets")));
		assertThat(verdict.readOnly()).isTrue();
		assertThat(verdict.unreadable()).extracting(Permission::describe)
			.containsExactly("list networking.k8s.io/networkpolicies (cluster-wide)");
	}

	@Test
	void aFailingReviewFailsTheCheckWithItsReason() {
		AccessReviewer broken = (p) -> {
			throw new ClusterAccessException(ClusterAccessException.Reason.TIMED_OUT, "no answer", null);
		};
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.check.check(SERVED, NAMESPACES, broken))
			.isInstanceOf(ClusterAccessException.class)
			.satisfies((ex) -> assertThat(((ClusterAccessException) ex).reason())
				.isEqualTo(ClusterAccessException.Reason.TIMED_OUT));
	}

	private static AccessReviewer reviewer(Predicate<Permission> rbac) {
		return rbac::test;
	}

}
