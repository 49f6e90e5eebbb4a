package dev.ballast.taints;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.LiveCollector;
import dev.ballast.snapshot.LiveSettings;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.taints.TaintMap.Cell;
import dev.ballast.taints.TaintMap.GroupReason;
import dev.ballast.taints.TaintMap.NodeGroup;
import dev.ballast.taints.TaintMap.Row;
import dev.ballast.taints.TaintMap.Verdict;
import dev.ballast.testcluster.ControlPlane;
import dev.ballast.testcluster.ControlPlaneTest;
import dev.ballast.testcluster.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The taint map of a real Kubernetes 1.20 control plane (scheduler, DaemonSet controller,
 * admission) agrees with where the pods really went: a GPU pool fenced with the field report's
 * NoExecute taint, a GPU node left unfenced, a log agent tolerating only NoSchedule, a GPU workload
 * with the report's tolerations, and a pod that wants the fenced node without tolerating it.
 */
@ControlPlaneTest
class TaintMapClusterTests {

	private static final String NS = "taint-map";

	private final LiveCollector collector = new LiveCollector(new LiveSettings(500, 4, Duration.ofMinutes(2),
			Duration.ofSeconds(30), 3, Duration.ofMillis(100), Duration.ofSeconds(2)));

	@Test
	void theMapAgreesWithTheSchedulerAndTheDaemonSetController(ControlPlane plane) throws Exception {
		Scenario scenario = plane.scenario(NS);
		ClusterSnapshot snapshot = this.collector.collect(plane.readerClient(), NS, LiveCollector.Progress.NONE);
		TaintMap map = TaintAnalysis.of(snapshot);

		NodeGroup fenced = groupOf(map, "taint-map-gpu-1");
		assertThat(fenced.taints()).extracting(TaintMap.TaintText::text)
			.containsExactly("just-for-gpu-application=true:NoExecute");
		assertThat(groupOf(map, "taint-map-gpu-2").taints()).isEmpty();

		// every pod the scheduler placed sits on a group the map allows for its workload (a
		// PreferNoSchedule taint only discourages; other scenarios' nodes may carry one)
		Map<String, NodeGroup> groupOfNode = map.groups().stream()
			.flatMap((group) -> group.nodes().stream().map((node) -> Map.entry(node, group)))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		List<PodFacts> placed = snapshot.pods().stream()
			.filter((pod) -> pod.namespace().equals(NS) && pod.nodeName() != null)
			.toList();
		assertThat(placed).hasSize(scenario.running());
		for (PodFacts pod : placed) {
			Cell cell = cell(map, pod.owner().name(), groupOfNode.get(pod.nodeName()));
			assertThat(cell.verdict()).as("%s on %s", pod.name(), pod.nodeName()).isIn(Verdict.ALLOWED, Verdict.DISCOURAGED, Verdict.PARTIAL);
		}

		// the DaemonSet controller made no log-agent pod for the fenced node, as the map says
		assertThat(cell(map, "log-agent", fenced).verdict()).isEqualTo(Verdict.TAINT);
		assertThat(placed).filteredOn((pod) -> pod.name().startsWith("log-agent"))
			.extracting(PodFacts::nodeName)
			.contains("taint-map-general-1", "taint-map-general-2", "taint-map-gpu-2")
			.doesNotContain("taint-map-gpu-1");
		assertThat(placed).filteredOn((pod) -> pod.name().startsWith("trainer"))
			.extracting(PodFacts::nodeName).containsExactly("taint-map-gpu-1");
		assertThat(placed).filteredOn((pod) -> pod.name().startsWith("web"))
			.extracting(PodFacts::nodeName).hasSize(3).doesNotContain("taint-map-gpu-1");

		assertThat(map.findings()).filteredOn((f) -> f.subject().startsWith(NS + "/") || f.subject().startsWith(NS + "-"))
			.extracting((f) -> f.id() + " " + f.severity() + " " + f.subject())
			.contains("daemonset-evicted-by-noexecute danger taint-map/DaemonSet/log-agent",
					"gpu-node-untainted warning taint-map-gpu-2", "unschedulable-pod danger taint-map/Deployment/stuck")
			.doesNotContain("gpu-node-untainted warning taint-map-gpu-1");

		// the pod the scheduler could not place: the fenced node's taint, every other group's selector
		assertThat(scenario.unschedulable()).singleElement().asString().startsWith(NS + "/stuck-");
		TaintMap.Unschedulable stuck = map.unschedulable().stream()
			.filter((u) -> map.rows().get(u.row()).name().equals("stuck"))
			.findFirst()
			.orElseThrow();
		assertThat(stuck.scheduler()).contains("1 node(s) had taint {just-for-gpu-application: true}");
		assertThat(stuck.reasons()).contains(new GroupReason(fenced.id(), "taint", "just-for-gpu-application=true:NoExecute"),
				new GroupReason(groupOf(map, "taint-map-gpu-2").id(), "selector", "gpu-model=a100"));
	}

	private static NodeGroup groupOf(TaintMap map, String node) {
		return map.groups().stream().filter((group) -> group.nodes().contains(node)).findFirst().orElseThrow();
	}

	private static Cell cell(TaintMap map, String workload, NodeGroup group) {
		Row row = map.rows().stream()
			.filter((r) -> r.namespace().equals(NS) && r.name().equals(workload))
			.findFirst()
			.orElseThrow();
		return map.profiles().get(row.profile()).cells().get(map.groups().indexOf(group));
	}

}
