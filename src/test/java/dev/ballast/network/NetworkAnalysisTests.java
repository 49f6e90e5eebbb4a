package dev.ballast.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.network.NetworkReport.Mode;
import dev.ballast.network.NetworkReport.Note;
import dev.ballast.network.NetworkReport.Source;
import dev.ballast.network.NodeCapacity.LimitBy;
import dev.ballast.snapshot.ManifestReader;

import static dev.ballast.network.Fixtures.node;
import static dev.ballast.network.Fixtures.pod;
import static dev.ballast.network.Fixtures.read;
import static dev.ballast.network.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkAnalysisTests {

	@Test
	void answersOnTheDemoCluster() {
		NetworkReport report = NetworkAnalysis.of(new ManifestReader().read("demo", List.of(Path.of("src/main/resources/demo"))));
		assertThat(report.plugin().name()).isEqualTo("flannel");
		assertThat(report.plugin().mode()).isEqualTo(Mode.NODE_BLOCKS);
		assertThat(report.plugin().evidence()).isEqualTo("DaemonSet kube-system/kube-flannel-ds");
		NetworkCapacity.Family v4 = report.capacity().families().get(0);
		// kubeadm podSubnet 10.244.0.0/20 wins over kube-proxy and flannel (same value)
		assertThat(v4.pod().cidr()).isEqualTo("10.244.0.0/20");
		assertThat(v4.pod().source()).isEqualTo(Source.KUBEADM);
		assertThat(v4.mask().mask()).isEqualTo(26);
		// 2^(26-20) = 64 blocks, 12 nodes hold one each → 52 can still join
		assertThat(v4.blocksTotal()).isEqualTo(64);
		assertThat(v4.blocksUsed()).isEqualTo(12);
		assertThat(report.capacity().nodesCanJoin()).isEqualTo(52);
		// each /26: 64 − 3 = 61 pods, the same as allocatable pods (61): 12 × 61 = 732
		assertThat(report.capacity().podIpsLimit()).isEqualTo(732);
		// (64 − 0) × 61 = 3904 pod IPs the range can ever hand out
		assertThat(v4.podIpsRange()).isEqualTo(3904);
		// 101 pods: 38 running on the host network, 2 Succeeded, 1 Pending without an IP → 60 hold a pod IP
		assertThat(report.usage().podIps()).isEqualTo(60);
		assertThat(report.usage().hostNetworkPods()).isEqualTo(38);
		assertThat(report.capacity().podIpsUsed()).isEqualTo(60);
		// 732 − 60 = 672 left on the nodes
		assertThat(report.capacity().podIpsFree()).isEqualTo(672);
		// serviceSubnet 10.96.0.0/22: 1024 − 2 = 1022 assignable
		assertThat(v4.service().cidr()).isEqualTo("10.96.0.0/22");
		assertThat(v4.serviceAddresses()).hasToString("1022");
		assertThat(v4.serviceCarved()).isFalse();
		// 23 Services, 2 headless: 21 cluster IPs; 1022 − 21 = 1001 left
		assertThat(v4.serviceIpsUsed()).isEqualTo(21);
		assertThat(v4.serviceIpsFree()).isEqualTo(1001);
		assertThat(report.notes()).extracting(Note::code).doesNotContain("pod-range-guessed", "nodes-without-block");
	}

	@Test
	void storesAndReadsBackAsJson() {
		NetworkReport report = NetworkAnalysis.of(read(node("a", 110, "10.244.0.0/24", "fd00:10:244::/64"),
				Fixtures.kubeadm("10.244.0.0/16,fd00:10:244::/56", "10.96.0.0/12", 24)));
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		String text = json.writeValueAsString(report);
		assertThat(json.readValue(text, NetworkReport.class)).isEqualTo(report);
		assertThat(text).contains("\"usage\":{\"nodes\":1,").contains("\"podIps\":0");
	}

	@Test
	void reportsTheNodesThatCanStillJoinAndExhaustion() {
		// 10.250.0.0/22 with /24 blocks: 4 blocks; 4 nodes hold them, a fifth has none
		List<String> docs = new ArrayList<>(Fixtures.nodes(4, 24, "10.250."));
		docs.add(node("late", 110));
		docs.add(Fixtures.kubeadm("10.250.0.0/22", "10.96.0.0/12", 24));
		docs.add(pod("a", "n0", "10.250.0.5", false, "Running"));
		docs.add(pod("b", "n0", "10.0.0.1", true, "Running"));
		docs.add(pod("c", "n1", "10.250.1.7", false, "Succeeded"));
		NetworkReport report = NetworkAnalysis.of(read(docs.toArray(String[]::new)));
		assertThat(report.capacity().nodesCanJoin()).isZero();
		assertThat(report.capacity().exhausted()).isTrue();
		assertThat(report.capacity().nodesWithoutBlock()).isEqualTo(1);
		assertThat(report.notes()).contains(new Note("nodes-without-block", List.of("1", "late")));
		// only the running pod on the pod network holds an IP
		assertThat(report.usage().podIps()).isEqualTo(1);
		assertThat(report.usage().hostNetworkPods()).isEqualTo(1);
		List<NodeCapacity> nodes = NetworkCapacity.nodes(report, NetworkOverrides.NONE);
		assertThat(nodes).filteredOn((n) -> n.name().equals("late")).singleElement()
			.satisfies((n) -> assertThat(n.limitBy()).isEqualTo(LimitBy.NO_BLOCK));
		// a /24 addresses 253 pods, more than maxPods 110: the limit is 110
		NodeCapacity n0 = nodes.stream().filter((n) -> n.name().equals("n0")).findFirst().orElseThrow();
		assertThat(n0.limit()).isEqualTo(110);
		assertThat(n0.limitBy()).isEqualTo(LimitBy.MAX_PODS);
		assertThat(n0.free()).isEqualTo(109);
	}

	@Test
	void countsTheBlocksLeftBeforeExhaustion() {
		// 3 of 4 blocks used: exactly one node can still join
		List<String> docs = new ArrayList<>(Fixtures.nodes(3, 24, "10.250."));
		docs.add(Fixtures.kubeadm("10.250.0.0/22", "10.96.0.0/12", 24));
		NetworkReport report = NetworkAnalysis.of(read(docs.toArray(String[]::new)));
		assertThat(report.capacity().nodesCanJoin()).isEqualTo(1);
		assertThat(report.capacity().exhausted()).isFalse();
	}

	@Test
	void appliesTheGlobalRouterRuleWhenTheServiceRangeIsCarved() {
		// TKE handbook: cluster 10.99.0.0/19, services 10.99.28.0/22, /24 per node:
		// 32 blocks − 4 for services = 28 nodes; 3 nodes hold blocks → 25 can join
		List<String> docs = new ArrayList<>(Fixtures.nodes(3, 24, "10.99."));
		docs.add(Fixtures.kubeadm("10.99.0.0/19", "10.99.28.0/22", 24));
		docs.add(Fixtures.daemonSet("tke-bridge-agent", "ccr.ccs.tencentyun.com/tkeimages/tke-bridge-agent:v0.1"));
		NetworkReport report = NetworkAnalysis.of(read(docs.toArray(String[]::new)));
		assertThat(report.plugin().name()).isEqualTo("tke-globalrouter");
		NetworkCapacity.Family v4 = report.capacity().families().get(0);
		assertThat(v4.serviceCarved()).isTrue();
		assertThat(v4.blocksReserved()).isEqualTo(4);
		assertThat(report.capacity().nodesCanJoin()).isEqualTo(25);
	}

	@Test
	void guessesTheRangesWithoutConfigurationAndSaysSo() {
		// blocks 10.244.0.0/24 and 10.244.3.0/24 are covered by 10.244.0.0/22: a guess
		NetworkReport report = NetworkAnalysis.of(read(node("a", 110, "10.244.0.0/24"), node("b", 110, "10.244.3.0/24"),
				service("default", "kubernetes", "10.96.0.1")));
		NetworkCapacity.Family v4 = report.capacity().families().get(0);
		assertThat(v4.pod().cidr()).isEqualTo("10.244.0.0/22");
		assertThat(v4.pod().guessed()).isTrue();
		assertThat(v4.mask().source()).isEqualTo(Source.NODE_SPECS);
		// kubeadm's default service range 10.96.0.0/12 from the kubernetes Service's 10.96.0.1
		assertThat(v4.service().cidr()).isEqualTo("10.96.0.0/12");
		assertThat(v4.service().guessed()).isTrue();
		assertThat(report.notes()).extracting(Note::code).contains("pod-range-guessed", "service-range-guessed");
		// 4 blocks − 2 used = 2
		assertThat(report.capacity().nodesCanJoin()).isEqualTo(2);
	}

	@Test
	void handlesZeroNodes() {
		NetworkReport report = NetworkAnalysis.of(read(Fixtures.kubeadm("10.244.0.0/16", "10.96.0.0/12", 24)));
		assertThat(report.notes()).extracting(Note::code).contains("no-nodes");
		// 2^(24-16) = 256 blocks, none used
		assertThat(report.capacity().nodesCanJoin()).isEqualTo(256);
		assertThat(report.capacity().podIpsLimit()).isZero();
	}

	@Test
	void showsDualStackPerFamily() {
		NetworkReport report = NetworkAnalysis.of(read(node("a", 110, "10.244.0.0/24", "fd00:10:244::/64"),
				node("b", 110, "10.244.1.0/24", "fd00:10:244:1::/64"),
				Fixtures.kubeadm("10.244.0.0/23,fd00:10:244::/56", "10.96.0.0/16,fd00:10:96::/112", 24),
				service("default", "web", "10.96.0.10", "fd00:10:96::a")));
		assertThat(report.capacity().families()).extracting(NetworkCapacity.Family::family).containsExactly("IPv4", "IPv6");
		NetworkCapacity.Family v6 = report.capacity().families().get(1);
		// IPv6 default mask /64: 2^(64-56) = 256 blocks, 2 used
		assertThat(v6.mask().mask()).isEqualTo(64);
		assertThat(v6.blocksFree()).isEqualTo(254);
		// 2^16 − 1 service addresses, one used
		assertThat(v6.serviceAddresses()).hasToString("65535");
		assertThat(v6.serviceIpsUsed()).isEqualTo(1);
		// IPv4 /23 holds 2 blocks, both used: the binding family
		assertThat(report.capacity().nodesCanJoin()).isZero();
	}

	@Test
	void boundsVpcNativePodsByEniLimits() {
		NetworkReport report = NetworkAnalysis.of(read(node("a", 110), Fixtures.daemonSet("aws-node",
				"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.0")));
		assertThat(report.plugin().mode()).isEqualTo(Mode.VPC_NATIVE);
		assertThat(report.capacity().nodesCanJoin()).isNull();
		NodeCapacity node = NetworkCapacity.nodes(report, NetworkOverrides.NONE).get(0);
		// m5.large: 3 × (10 − 1) + 2 = 29 < 110 allocatable
		assertThat(node.limit()).isEqualTo(29);
		assertThat(node.limitBy()).isEqualTo(LimitBy.ENI);
		assertThat(report.notes()).extracting(Note::code).contains("vpc-native");
	}

	@Test
	void boundsTkeVpcCniPodsByTheEniAddressesTheNodeAdvertises() {
		String node = node("a", 61).replace("allocatable: {pods: '61'}",
				"allocatable: {pods: '61', tke.cloud.tencent.com/eni-ip: '19'}");
		NetworkReport report = NetworkAnalysis.of(read(node, Fixtures.daemonSet("tke-eni-agent", "tke-eni-agent:v3")));
		NodeCapacity capacity = NetworkCapacity.nodes(report, NetworkOverrides.NONE).get(0);
		// 19 ENI addresses < 61 allocatable pods
		assertThat(capacity.limit()).isEqualTo(19);
		assertThat(capacity.limitBy()).isEqualTo(LimitBy.ENI);
	}

	@Test
	void appliesOverridesAtReadTime() {
		List<String> docs = new ArrayList<>(Fixtures.nodes(3, 24, "10.250."));
		docs.add(Fixtures.kubeadm("10.250.0.0/22", "10.96.0.0/12", 24));
		NetworkReport report = NetworkAnalysis.of(read(docs.toArray(String[]::new)));
		// the admin says the range is really a /20: 16 blocks − 3 = 13
		NetworkCapacity capacity = NetworkCapacity.of(report,
				new NetworkOverrides("10.250.0.0/20", null, null, 50, null));
		assertThat(capacity.families().get(0).pod().source()).isEqualTo(Source.OVERRIDE);
		assertThat(capacity.nodesCanJoin()).isEqualTo(13);
		// maxPods 50 < 253 per /24: 3 × 50
		assertThat(capacity.podIpsLimit()).isEqualTo(150);
	}

}
