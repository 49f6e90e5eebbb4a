package dev.ballast.isolation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.isolation.NetworkIsolation.PodGroup;
import dev.ballast.isolation.Reachability.Port;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.LiveCollector;
import dev.ballast.snapshot.LiveSettings;
import dev.ballast.snapshot.ManifestReader;
import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.ControlPlaneTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NetworkPolicies applied to a real Kubernetes 1.20 control plane, collected through the
 * read-only credential by the live collector: the engine answers as the truth table says, and
 * exactly as it does for the same manifests read offline.
 */
@ControlPlaneTest
class NetworkPolicyClusterTests {

	private static final List<String> POLICIES = List.of("named-81", "from-z-by-name", "b-in-y", "c-out-to-z");

	private final LiveCollector collector = new LiveCollector(new LiveSettings(500, 4, Duration.ofMinutes(2),
			Duration.ofSeconds(30), 3, Duration.ofMillis(100), Duration.ofSeconds(2)));

	@Test
	void reachabilityOnTheControlPlaneMatchesTheTruthTableAndTheManifests(ControlPlane plane) throws Exception {
		plane.scenario("netpol");
		ClusterSnapshot live = this.collector.collect(plane.readerClient(), "netpol", LiveCollector.Progress.NONE);
		NetworkIsolation network = NetworkIsolation.of(live);
		assertThat(network.policiesKnown()).isTrue();
		assertThat(network.policies()).extracting(Policy::name).containsAll(POLICIES);
		// 1.20 does not label namespaces with their name; the analysis adds it.
		assertThat(network.notes()).contains("name-label-added");
		Reachability reach = Reachability.of(network);
		// named-81: x/a only from namespace y, only on serve-81-tcp.
		expect(reach, "y/a", "x/a", 81, true);
		expect(reach, "y/a", "x/a", 80, false);
		expect(reach, "z/a", "x/a", 81, false);
		expect(reach, "x/a", "x/b", 80, true);
		// from-z-by-name: x/c only from netpol-z, selected by kubernetes.io/metadata.name.
		expect(reach, "z/a", "x/c", 80, true);
		expect(reach, "y/a", "x/c", 80, false);
		// b-in-y: every z pod only from pod b of namespace y (AND).
		expect(reach, "y/b", "z/c", 80, true);
		expect(reach, "y/a", "z/c", 80, false);
		expect(reach, "x/b", "z/c", 80, false);
		// c-out-to-z: egress rules and no policyTypes isolate y/c both ways.
		expect(reach, "x/a", "y/c", 80, false);
		expect(reach, "y/c", "x/b", 80, false);
		expect(reach, "y/a", "y/b", 80, true);

		NetworkIsolation offline = NetworkIsolation.of(new ManifestReader().read("netpol",
				List.of(Path.of("src/test/resources/cluster-scenarios/netpol"))));
		Reachability manifests = Reachability.of(offline);
		for (String from : names()) {
			for (String to : names()) {
				for (int port : List.of(80, 81)) {
					assertThat(reach.decide(group(network, from), group(network, to), new Port("TCP", port)).allowed())
						.as("%s -> %s %d/TCP live as offline", from, to, port)
						.isEqualTo(manifests.decide(group(offline, from), group(offline, to), new Port("TCP", port)).allowed());
				}
			}
		}
	}

	private static void expect(Reachability reach, String from, String to, int port, boolean allowed) {
		assertThat(reach.decide(group(reach.network(), from), group(reach.network(), to), new Port("TCP", port)).allowed())
			.as("%s -> %s %d/TCP", from, to, port)
			.isEqualTo(allowed);
	}

	private static List<String> names() {
		return List.of("x/a", "x/b", "x/c", "y/a", "y/b", "y/c", "z/a", "z/b", "z/c");
	}

	private static int group(NetworkIsolation network, String name) {
		String namespace = "netpol-" + name.substring(0, 1);
		String workload = "Deployment/" + name.substring(2);
		for (int i = 0; i < network.groups().size(); i++) {
			PodGroup group = network.groups().get(i);
			if (group.namespace().equals(namespace) && group.workloads().contains(workload)) {
				return i;
			}
		}
		throw new AssertionError("no pod group of " + workload + " in " + namespace);
	}

}
