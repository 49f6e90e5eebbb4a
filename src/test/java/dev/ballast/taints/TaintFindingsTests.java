package dev.ballast.taints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestReader;
import dev.ballast.taints.TaintMap.Finding;
import dev.ballast.taints.TaintMap.GroupReason;
import tools.jackson.databind.json.JsonMapper;

import static dev.ballast.taints.Fixtures.daemonSet;
import static dev.ballast.taints.Fixtures.deployment;
import static dev.ballast.taints.Fixtures.node;
import static dev.ballast.taints.Fixtures.pod;
import static dev.ballast.taints.Fixtures.read;
import static dev.ballast.taints.Fixtures.tainted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The taint map's findings, each with a failing and a passing case, and the demo cluster's map.
 */
class TaintFindingsTests {

	private static final String GPU_TAINT = "{key: just-for-gpu-application, value: 'true', effect: NoExecute}";

	private static final String SEED_TOLERATIONS = """
			tolerations:
			- {key: just-for-gpu-application, operator: Exists, effect: NoSchedule}
			- {key: just-for-gpu-application, operator: Exists, effect: NoExecute}""";

	private static final ClusterSnapshot DEMO = new ManifestReader().read("demo", List.of(Path.of("src/main/resources/demo")));

	static List<String> findings(TaintMap map, String id) {
		return map.findings().stream().filter((f) -> f.id().equals(id)).map((f) -> f.severity() + " " + f.subject()).toList();
	}

	@Test
	void gpuNodesWithoutAFenceAreFound() {
		TaintMap map = TaintAnalysis.of(read(node("gpu-1", "gpu", "", "nvidia.com/gpu: '1'"),
				node("gpu-2", "gpu", "taints: [" + GPU_TAINT + "]", "nvidia.com/gpu: '2'"),
				node("gpu-3", "gpu", "taints: [{key: gpu, effect: PreferNoSchedule}]", "nvidia.com/gpu: '1'"),
				node("plain", "general")));
		// gpu-2 is fenced; a PreferNoSchedule taint does not fence
		assertThat(findings(map, "gpu-node-untainted")).containsExactly("warning gpu-1", "warning gpu-3");
		assertThat(map.findings().get(0).args()).containsExactly("gpu-1", "nvidia.com/gpu");
	}

	@Test
	void highIoNodesWithoutAFenceAreFound() {
		String io = """
				apiVersion: v1
				kind: Node
				metadata: {name: io-%s, labels: {ballast.dev/pool: highio, disk: nvme}}
				spec: {%s}
				""";
		TaintMap map = TaintAnalysis.of(read(io.formatted("1", ""),
				io.formatted("2", "taints: [{key: dedicated, value: mysql, effect: NoSchedule}]")));
		assertThat(findings(map, "gpu-node-untainted")).containsExactly("warning io-1");
	}

	@Test
	void podsOnGpuNodesThatRequestNoGpuAreFound() {
		TaintMap map = TaintAnalysis.of(read(node("gpu-1", "gpu", "", "nvidia.com/gpu: '2'"),
				pod("notebook", "gpu-1", "requests: {cpu: '1'}", ""),
				pod("trainer", "gpu-1", "limits: {nvidia.com/gpu: '1'}", ""),
				daemonSet("agent", "")));
		assertThat(findings(map, "gpu-pod-without-gpu-request")).containsExactly("warning apps/Pod/notebook");
	}

	@Test
	void tolerationsOfEverythingAreFoundDaemonSetsAsInformation() {
		String all = "tolerations: [{operator: Exists}]";
		TaintMap map = TaintAnalysis.of(read(node("n1", "general"), deployment("greedy", all), daemonSet("cni", all),
				deployment("gpu", SEED_TOLERATIONS)));
		assertThat(findings(map, "tolerates-everything")).containsExactly("info apps/DaemonSet/cni",
				"warning apps/Deployment/greedy");
	}

	@Test
	void noExecuteTaintsThatEvictDaemonSetsAreFound() {
		TaintMap map = TaintAnalysis.of(read(node("n1", "general"), tainted("g1", "gpu", GPU_TAINT),
				daemonSet("log-agent", "tolerations: [{operator: Exists, effect: NoSchedule}]"),
				daemonSet("cni", "hostNetwork: true\ntolerations: [{operator: Exists}]"),
				daemonSet("gpu-plugin", SEED_TOLERATIONS),
				daemonSet("general-only", "nodeSelector: {ballast.dev/pool: general}"),
				daemonSet("gpu-exporter", "nodeSelector: {ballast.dev/pool: gpu}")));
		assertThat(findings(map, "daemonset-evicted-by-noexecute")).containsExactly("warning apps/DaemonSet/gpu-exporter",
				"danger apps/DaemonSet/log-agent");
		Finding logAgent = map.findings().stream().filter((f) -> f.subject().endsWith("log-agent")).findFirst().orElseThrow();
		assertThat(logAgent.args()).containsExactly("apps/DaemonSet/log-agent", "just-for-gpu-application=true:NoExecute",
				"1", "gpu");
	}

	@Test
	void unschedulablePodsSayWhyPerNodeGroup() {
		TaintMap map = TaintAnalysis.of(read(
				node("small", "legacy", "", "").replace("cpu: '4', memory: 16Gi", "cpu: 900m, memory: 1300Mi"),
				node("big", "general"), tainted("g1", "gpu", GPU_TAINT),
				pod("busy", "small", "requests: {cpu: 300m, memory: 768Mi}", ""),
				pod("resizer", null, "requests: {cpu: 700m, memory: 1536Mi}", "nodeSelector: {ballast.dev/pool: legacy}"),
				pod("fits", null, "requests: {cpu: 100m}", "")));
		assertThat(findings(map, "unschedulable-pod")).containsExactly("danger apps/Pod/fits", "danger apps/Pod/resizer");
		TaintMap.Unschedulable resizer = map.unschedulable().get(1);
		assertThat(map.rows().get(resizer.row()).name()).isEqualTo("resizer");
		assertThat(resizer.scheduler()).isEqualTo("0/3 nodes are available");
		// groups: g1 general, g2 gpu, g3 legacy; small has 900m - 300m = 600m CPU and 1300Mi - 768Mi = 532Mi left
		assertThat(resizer.reasons()).containsExactly(new GroupReason("g1", "selector", "ballast.dev/pool=legacy"),
				new GroupReason("g2", "taint", "just-for-gpu-application=true:NoExecute"),
				new GroupReason("g3", "resources", "cpu: 700m > 600m; memory: 1536Mi > 532Mi"));
		assertThat(map.unschedulable().get(0).reasons()).extracting(GroupReason::reason)
			.containsExactly("fits", "taint", "fits");
		assertThat(map.totals().unschedulablePods()).isEqualTo(2);
	}

	@Test
	void runningPodsAreCountedPerGroupAndNode() {
		TaintMap map = TaintAnalysis.of(read(node("n1", "general"), node("n2", "general"),
				pod("a", "n1", "", ""), pod("b", "n2", "", ""), pod("c", "n2", "", "")));
		assertThat(map.groups()).hasSize(1);
		assertThat(map.rows()).extracting(TaintMap.Row::placed).containsExactly(java.util.Map.of("g1", 1),
				java.util.Map.of("g1", 1), java.util.Map.of("g1", 1));
		assertThat(map.nodes()).extracting((n) -> n.name() + " " + n.runs().size()).containsExactly("n1 1", "n2 2");
		assertThat(map.totals().placedPods()).isEqualTo(3);
	}

	@Test
	void oddObjectsDoNotBreakTheMap() {
		String odd = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: odd, namespace: apps}
				spec:
				  template:
				    spec:
				      containers: [{name: app, image: app:1, resources: {limits: {example.com/fpga: '0'}}}]
				      tolerations: [{effect: NoSchedule}]
				      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: a}], matchFields: [{key: spec.x, operator: In}]}]}}}
				""";
		String bare = """
				apiVersion: v1
				kind: Node
				metadata: {name: bare}
				""";
		TaintMap map = TaintAnalysis.of(read(odd, bare));
		assertThat(map.groups()).singleElement().satisfies((g) -> assertThat(g.pool()).isNull());
		assertThat(map.nodes().get(0).conditions()).containsExactly("Ready=Unknown");
		assertThat(TaintMatchingTests.cell(map, "odd", "-").verdict()).isEqualTo(TaintMap.Verdict.SELECTOR);
	}

	@Test
	void manyUnfencedNodesStayOneGroupAndFindingsAreBounded() {
		List<String> documents = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			documents.add(node("gpu-" + i, "gpu", "", "nvidia.com/gpu: '1'"));
		}
		TaintMap map = TaintAnalysis.of(read(documents.toArray(String[]::new)));
		assertThat(map.groups()).hasSize(1);
		assertThat(findings(map, "gpu-node-untainted")).hasSize(TaintAnalysis.FINDINGS_PER_RULE);
		assertThat(map.totals().findingsLeftOut()).isEqualTo(50);
	}

	@Test
	void aThousandNamespacesShareProfilesAndStayCompact() {
		List<String> documents = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			documents.add(node("n-" + i, "pool-" + (i % 4)));
		}
		for (int i = 0; i < 1000; i++) {
			documents.add(deployment("app", "").replace("namespace: apps", "namespace: team-" + i));
		}
		long start = System.nanoTime();
		TaintMap map = TaintAnalysis.of(read(documents.toArray(String[]::new)));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(map.rows()).hasSize(1000);
		assertThat(map.profiles()).hasSize(1);
		assertThat(map.groups()).hasSize(4);
		assertThat(JsonMapper.builder().build().writeValueAsString(map).length()).isLessThan(200_000);
		assertThat(millis).as("analysis time in ms, parsing included").isLessThan(20_000);
	}

	@Test
	void theDemoClusterAnswersWhatRunsWhereAndWhy() {
		TaintMap map = TaintAnalysis.of(DEMO);
		assertThat(map.groups()).extracting((g) -> g.id() + " " + g.pool() + " " + g.nodes().size() + " "
				+ g.taints().stream().map(TaintMap.TaintText::text).toList())
			.containsExactly("g1 general 6 []", "g2 gpu 1 []", "g3 gpu 1 [just-for-gpu-application=true:NoExecute]",
					"g4 highio 2 [dedicated=mysql:NoSchedule]", "g5 legacy 2 []");
		assertThat(map.findings()).extracting((f) -> f.id() + " " + f.severity() + " " + f.subject()).containsExactly(
				"unschedulable-pod danger shop/Deployment/image-resizer", "gpu-node-untainted warning gpu-1",
				"gpu-pod-without-gpu-request warning ml/Deployment/feature-store",
				"gpu-pod-without-gpu-request warning ml/Deployment/notebook",
				"tolerates-everything info kube-system/DaemonSet/kube-flannel-ds",
				"tolerates-everything info kube-system/DaemonSet/kube-proxy",
				"tolerates-everything info logging/DaemonSet/fluent-bit",
				"tolerates-everything warning ml/Deployment/feature-store",
				"tolerates-everything info monitoring/DaemonSet/node-exporter");
		// legacy-2 has 900m - (100 + 50 + 50 + 100)m = 600m CPU and 1300Mi - (50 + 64 + 64 + 256)Mi = 866Mi left
		assertThat(map.unschedulable().get(0).reasons().get(4))
			.isEqualTo(new GroupReason("g5", "resources", "cpu: 700m > 600m; memory: 1536Mi > 866Mi"));
		assertThat(TaintMatchingTests.cell(map, "model-serving", "gpu").verdict()).isEqualTo(TaintMap.Verdict.ALLOWED);
		assertThat(TaintMatchingTests.cell(map, "mysql", "highio").tolerated()).containsExactly("dedicated=mysql:NoSchedule");
		assertThat(map.totals().pods()).isEqualTo(101);
	}

	@Test
	void storesAndReadsBackAsJson() {
		TaintMap map = TaintAnalysis.of(DEMO);
		JsonMapper json = JsonMapper.builder().build();
		String text = json.writeValueAsString(map);
		assertThat(json.readValue(text, TaintMap.class)).isEqualTo(map);
		assertThat(text.length()).isLessThan(30_000);
	}

}
