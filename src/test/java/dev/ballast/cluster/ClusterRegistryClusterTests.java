package dev.ballast.cluster;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.ControlPlaneTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registering the real control plane: a read-only kubeconfig is stored encrypted with its
 * check; a write-capable one is refused and nothing is stored, unless an administrator gives a
 * reason.
 */
@ControlPlaneTest
@SpringBootTest(properties = "ballast.cluster.credentials-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=")
class ClusterRegistryClusterTests {

	@Autowired
	ClusterRegistry registry;

	@Autowired
	ClusterClients clients;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void registersAReadOnlyKubeconfigEncrypted(ControlPlane plane) throws Exception {
		String kubeconfig = Files.readString(plane.readerKubeconfig());
		Cluster cluster = this.registry.register(
				new Registration("plane-reader", "Control plane", new ClusterCredential.Kubeconfig(kubeconfig, null), null),
				"admin");
		assertThat(cluster.getLastCheck()).isNotNull();
		assertThat(cluster.getLastCheck().outcome()).isEqualTo(CheckOutcome.READ_ONLY);
		assertThat(cluster.getLastCheck().serverVersion()).startsWith("v1.20");
		assertThat(cluster.isWriteCapableOverride()).isFalse();
		byte[] stored = this.jdbc.queryForObject("select credential from cluster where name = 'plane-reader'",
				byte[].class);
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(plane.env("KUBE_READER_TOKEN"));
		assertThat(this.clients.serverVersion(this.clients.clientFor("plane-reader"))).startsWith("v1.20");
	}

	@Test
	void refusesTheAdminKubeconfigAndStoresNothing(ControlPlane plane) throws Exception {
		String kubeconfig = Files.readString(plane.adminKubeconfig());
		assertThatThrownBy(() -> this.registry.register(new Registration("plane-admin", "",
				new ClusterCredential.Kubeconfig(kubeconfig, null), null), "admin"))
			.isInstanceOfSatisfying(WriteCapableCredentialException.class, (ex) -> assertThat(ex.verdict().dangerous())
				.extracting(Permission::describe)
				.contains("delete namespaces (cluster-wide)", "get secrets (cluster-wide)"));
		assertThat(this.jdbc.queryForObject("select count(*) from cluster where name = 'plane-admin'", Integer.class))
			.isZero();
	}

	@Test
	void acceptsTheAdminKubeconfigWithAReasonAndMarksIt(ControlPlane plane) throws Exception {
		String kubeconfig = Files.readString(plane.adminKubeconfig());
		Cluster cluster = this.registry.register(new Registration("plane-override", "",
				new ClusterCredential.Kubeconfig(kubeconfig, null), "lab cluster, no read-only account yet"), "admin");
		assertThat(cluster.isWriteCapableOverride()).isTrue();
		assertThat(cluster.getWriteOverrideReason()).isEqualTo("lab cluster, no read-only account yet");
		assertThat(cluster.getLastCheck().outcome()).isEqualTo(CheckOutcome.WRITE_CAPABLE);
		assertThat(cluster.getLastCheck().dangerousList()).contains("delete namespaces (cluster-wide)");
	}

	@Test
	void namesAnUnreachableServerAndStoresNothing() {
		String kubeconfig = """
				apiVersion: v1
				kind: Config
				clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
				users: [{name: u, user: {token: x}}]
				contexts: [{name: ctx, context: {cluster: c, user: u}}]
				current-context: ctx
				""";
		assertThatThrownBy(() -> this.registry.register(new Registration("nowhere", "",
				new ClusterCredential.Kubeconfig(kubeconfig, null), null), "admin"))
			.isInstanceOfSatisfying(ClusterUnreachableException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(ClusterAccessException.Reason.UNREACHABLE));
		assertThat(this.jdbc.queryForObject("select count(*) from cluster where name = 'nowhere'", Integer.class))
			.isZero();
	}

}
