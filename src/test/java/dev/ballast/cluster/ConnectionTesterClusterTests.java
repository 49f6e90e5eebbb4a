package dev.ballast.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.ControlPlaneTest;
import io.kubernetes.client.openapi.models.V1PolicyRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection test and read-only self-check against a real API server with real RBAC.
 */
@ControlPlaneTest
class ConnectionTesterClusterTests {

	private final ConnectionTester tester = new ConnectionTester(
			new ClusterSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), 3, null));

	@Test
	void passesTheReadOnlyKubeconfig(ControlPlane plane) throws Exception {
		ConnectionReport report = this.tester.test(kubeconfig(plane.readerKubeconfig()));
		assertThat(report.serverVersion()).startsWith("v1.20");
		assertThat(report.nodes()).isGreaterThanOrEqualTo(0);
		assertThat(report.verdict().readOnly()).as("dangerous: %s", report.verdict().dangerous()).isTrue();
		assertThat(report.verdict().unreadable()).isEmpty();
	}

	@Test
	void refusesTheAdminKubeconfigNamingTheOffendingPermissions(ControlPlane plane) throws Exception {
		ReadOnlyVerdict verdict = this.tester.test(kubeconfig(plane.adminKubeconfig())).verdict();
		assertThat(verdict.readOnly()).isFalse();
		assertThat(verdict.dangerous()).extracting(Permission::describe)
			.contains("delete namespaces (cluster-wide)", "get secrets (cluster-wide)", "create pods/exec (cluster-wide)",
					"impersonate users (cluster-wide)", "create serviceaccounts/token (cluster-wide)");
	}

	@Test
	void refusesATokenThatCanReadSecrets(ControlPlane plane) throws Exception {
		ClusterCredential token = serviceAccount(plane, "secret-peeker", List.of(readerRules(),
				new V1PolicyRule().apiGroups(List.of("")).resources(List.of("secrets")).verbs(List.of("get", "list"))));
		ReadOnlyVerdict verdict = this.tester.test(token).verdict();
		assertThat(verdict.dangerous()).extracting(Permission::describe)
			.containsExactlyInAnyOrder("get secrets (cluster-wide)", "list secrets (cluster-wide)");
	}

	@Test
	void listsWhatATokenCannotRead(ControlPlane plane) throws Exception {
		V1PolicyRule withoutNetworkPolicies = new V1PolicyRule().apiGroups(List.of("", "apps", "batch", "policy",
				"autoscaling", "scheduling.k8s.io", "rbac.authorization.k8s.io", "discovery.k8s.io"))
			.resources(List.of("*"))
			.verbs(List.of("get", "list", "watch"));
		V1PolicyRule ingressesOnly = new V1PolicyRule().apiGroups(List.of("networking.k8s.io"))
			.resources(List.of("ingresses"))
			.verbs(List.of("get", "list"));
		ReadOnlyVerdict verdict = this.tester.test(serviceAccount(plane, "no-netpol", List.of(withoutNetworkPolicies,
				ingressesOnly))).verdict();
		assertThat(verdict.unreadable()).extracting(Permission::describe)
			.containsExactly("list networking.k8s.io/networkpolicies (cluster-wide)");
		// "*" in the core group includes secrets: the self-check must notice
		assertThat(verdict.dangerous()).extracting(Permission::describe).contains("get secrets (cluster-wide)");
	}

	@Test
	void namesAnUnreachableServerAndARefusedToken(ControlPlane plane) {
		assertThatThrownBy(() -> this.tester.test(new ClusterCredential.Token("https://127.0.0.1:1", "x", null)))
			.isInstanceOfSatisfying(ClusterAccessException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(ClusterAccessException.Reason.UNREACHABLE));
		assertThatThrownBy(() -> this.tester.test(new ClusterCredential.Token(plane.apiUrl(), "not-a-token", ca(plane))))
			.isInstanceOfSatisfying(ClusterAccessException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(ClusterAccessException.Reason.UNAUTHORIZED));
		assertThatThrownBy(() -> this.tester.test(new ClusterCredential.Token(plane.apiUrl(), "not-a-token", null)))
			.isInstanceOfSatisfying(ClusterAccessException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(ClusterAccessException.Reason.TLS));
	}

	@Test
	void refusesAnUnknownContext(ControlPlane plane) throws Exception {
		String content = Files.readString(plane.readerKubeconfig());
		assertThatThrownBy(() -> this.tester.test(new ClusterCredential.Kubeconfig(content, "no-such-context")))
			.isInstanceOfSatisfying(InvalidCredentialException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("cluster.credential.unknown-context"));
	}

	private static ClusterCredential kubeconfig(Path path) throws Exception {
		return new ClusterCredential.Kubeconfig(Files.readString(path), null);
	}

	private static String ca(ControlPlane plane) throws Exception {
		return Files.readString(Path.of(plane.env("KUBE_CA_FILE")));
	}

	private static V1PolicyRule readerRules() {
		return new V1PolicyRule().apiGroups(List.of("")).resources(List.of("nodes", "namespaces", "pods"))
			.verbs(List.of("get", "list"));
	}

	/** A service account bound to a ClusterRole of these rules; its token as a credential. */
	private static ClusterCredential serviceAccount(ControlPlane plane, String name, List<V1PolicyRule> rules)
			throws Exception {
		return new ClusterCredential.Token(plane.apiUrl(), plane.serviceAccountToken("selfcheck-" + name, name, rules),
				ca(plane));
	}

}
