package dev.ballast.network;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.network.NetworkReport.Mode;
import dev.ballast.network.NetworkReport.Range;
import dev.ballast.network.NetworkReport.Source;

import static dev.ballast.network.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTests {

	private static String configMap(String namespace, String name, String data) {
		return """
				apiVersion: v1
				kind: ConfigMap
				metadata: {name: %s, namespace: %s}
				data:
				%s
				""".formatted(name, namespace, data.indent(2).stripTrailing());
	}

	@Test
	void readsEachConfigurationThatNamesThePodRange() {
		List<Range> ranges = Discovery.podRanges(read(
				configMap("kube-flannel", "kube-flannel-cfg", "net-conf.json: |\n  {\"Network\": \"10.42.0.0/16\", \"IPv6Network\": \"fd00:42::/56\"}"),
				configMap("kube-system", "kube-proxy", "config.conf: |\n  clusterCIDR: \"10.42.0.0/16\"\n  mode: ipvs"),
				configMap("kube-system", "cilium-config", "ipam: cluster-pool\ncluster-pool-ipv4-cidr: 10.0.0.0/8")));
		// best first: kube-proxy, flannel (both families), cilium
		assertThat(ranges).extracting(Range::source, Range::cidr)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Source.KUBE_PROXY, "10.42.0.0/16"),
					org.assertj.core.groups.Tuple.tuple(Source.FLANNEL, "10.42.0.0/16"),
					org.assertj.core.groups.Tuple.tuple(Source.FLANNEL, "fd00:42::/56"),
					org.assertj.core.groups.Tuple.tuple(Source.CILIUM, "10.0.0.0/8"));
		assertThat(ranges.get(0).evidence()).isEqualTo("kube-system/kube-proxy clusterCIDR");
		assertThat(ranges).noneMatch(Range::guessed);
	}

	@Test
	void readsTheNodeMaskOfBothKubeadmFormats() {
		assertThat(Discovery.masks(read(configMap("kube-system", "kubeadm-config", """
				ClusterConfiguration: |
				  controllerManager:
				    extraArgs:
				      node-cidr-mask-size-ipv4: "25"
				      node-cidr-mask-size-ipv6: "80"
				""")))).containsEntry("IPv4", 25).containsEntry("IPv6", 80);
		// kubeadm v1beta4: extraArgs is a list of name/value pairs
		assertThat(Discovery.masks(read(configMap("kube-system", "kubeadm-config", """
				ClusterConfiguration: |
				  controllerManager:
				    extraArgs:
				    - name: node-cidr-mask-size
				      value: "27"
				""")))).containsEntry("IPv4", 27);
	}

	@Test
	void guessesTheServiceRangeFromTheFirstAddress() {
		// GKE-like 34.118.224.1: start 34.118.224.0, size unknown → /16 assumed
		assertThat(Discovery.guessFromFirstAddress("34.118.224.1").cidr()).isEqualTo("34.118.0.0/16");
		assertThat(Discovery.guessFromFirstAddress("fd00:10:96::1").cidr()).isEqualTo("fd00:10:96::/112");
		assertThat(Discovery.guessFromFirstAddress("None")).isNull();
	}

	@Test
	void recognisesThePluginByDaemonSet() {
		assertThat(Discovery.plugin(read(Fixtures.daemonSet("tke-eni-agent", "tke-eni-agent:v3"))).mode())
			.isEqualTo(Mode.VPC_NATIVE);
		assertThat(Discovery.plugin(read(Fixtures.daemonSet("kube-flannel-ds", "docker.io/flannel/flannel:v0.24.0"))).name())
			.isEqualTo("flannel");
		// an image names the plugin when the DaemonSet's name does not
		assertThat(Discovery.plugin(read(Fixtures.daemonSet("node-agent", "quay.io/cilium/cilium:v1.15.0"))).name())
			.isEqualTo("cilium");
		assertThat(Discovery.plugin(read(Fixtures.node("n", 110))).mode()).isEqualTo(Mode.UNKNOWN);
	}

}
