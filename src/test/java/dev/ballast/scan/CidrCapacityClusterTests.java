package dev.ballast.scan;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.ballast.cluster.ClusterCredential;
import dev.ballast.cluster.ClusterRegistry;
import dev.ballast.cluster.Registration;
import dev.ballast.security.Role;
import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.SimulatedKubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CIDR capacity on a real control plane of its own whose node IPAM (kube-controller-manager)
 * splits a deliberately small cluster CIDR, 10.250.0.0/22 with /24 node blocks: 2^(24−22) = 4
 * blocks. With 3 nodes Ballast must report exactly 4 − 3 = 1 node that can still join; after two
 * more register, the fourth takes the last block, the fifth gets none, and Ballast reports the
 * exhaustion and lists that node without a block.
 */
@Tag("cluster")
@SpringBootTest(properties = { "ballast.cluster.credentials-key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
		"ballast.scan.scheduled=false" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CidrCapacityClusterTests {

	private static ControlPlane plane;

	private static SimulatedKubelet kubelet;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scans scans;

	@Autowired
	private ClusterRegistry registry;

	@BeforeAll
	static void startSmallPlane() throws Exception {
		plane = ControlPlane.start("--cluster-cidr", "10.250.0.0/22", "--node-cidr-mask-size", "24");
		kubelet = new SimulatedKubelet(plane.adminClient());
		// what kubeadm writes: kube-proxy's clusterCIDR names the range (evidence, not a guess)
		new CoreV1Api(plane.adminClient()).createNamespacedConfigMap("kube-system", new V1ConfigMap()
			.metadata(new V1ObjectMeta().name("kube-proxy").namespace("kube-system"))
			.data(Map.of("config.conf", "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 10.250.0.0/22\n")))
			.execute();
	}

	@AfterAll
	static void stopSmallPlane() {
		if (plane != null) {
			plane.close();
		}
	}

	@Test
	@Order(1)
	void reportsTheExactNumberOfNodesThatCanStillJoin() throws Exception {
		assertThat(register("cidr-1", "cidr-2", "cidr-3")).isEmpty();
		this.registry.register(new Registration("small", "Small CIDR",
				new ClusterCredential.Kubeconfig(Files.readString(plane.readerKubeconfig()), null), null), "admin");
		scan();
		this.mvc.perform(get("/api/v1/clusters/small/cidr").with(ScanTestSupport.signedIn("cidr", Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.capacity.families[0].pod.cidr").value("10.250.0.0/22"))
			.andExpect(jsonPath("$.capacity.families[0].pod.source").value("KUBE_PROXY"))
			.andExpect(jsonPath("$.capacity.families[0].mask.mask").value(24))
			.andExpect(jsonPath("$.capacity.families[0].blocksTotal").value(4))
			.andExpect(jsonPath("$.capacity.families[0].blocksUsed").value(3))
			.andExpect(jsonPath("$.capacity.nodesCanJoin").value(1))
			.andExpect(jsonPath("$.capacity.exhausted").value(false));
	}

	@Test
	@Order(2)
	void showsTheExhaustionWhenANodeGetsNoBlock() throws Exception {
		List<String> withoutBlock = register("cidr-4", "cidr-5");
		assertThat(withoutBlock).hasSize(1);
		String last = withoutBlock.get(0);
		scan();
		this.mvc.perform(get("/api/v1/clusters/small/cidr").with(ScanTestSupport.signedIn("cidr", Role.VIEWER)))
			.andExpect(jsonPath("$.capacity.families[0].blocksUsed").value(4))
			.andExpect(jsonPath("$.capacity.nodesCanJoin").value(0))
			.andExpect(jsonPath("$.capacity.exhausted").value(true))
			.andExpect(jsonPath("$.capacity.nodesWithoutBlock").value(1))
			.andExpect(jsonPath("$.nodes[?(@.name == '" + last + "')].limitBy").value("NO_BLOCK"))
			.andExpect(jsonPath("$.notes[?(@.code == 'nodes-without-block')].args[1]").value(last));
		this.mvc.perform(get("/clusters/small/cidr").with(ScanTestSupport.signedIn("cidr", Role.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No node block is left in the pod range")))
			.andExpect(content().string(containsString("1 node(s) have no pod CIDR (" + last + ")")));
	}

	private List<String> register(String... names) throws Exception {
		for (String name : names) {
			kubelet.register(new V1Node().metadata(new V1ObjectMeta().name(name)));
		}
		return kubelet.makeReady(List.of(names), Duration.ofSeconds(60));
	}

	private void scan() throws InterruptedException {
		Scan scan = ScanTestSupport.awaitFinished(this.scans, this.scans.trigger("small", ScanTrigger.API, "t").scanId());
		assertThat(scan.state().landed()).as("scan %s landed", scan.id()).isTrue();
	}

}
