package dev.ballast.taints;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ballast.taints.TaintMap.Cell;
import dev.ballast.taints.TaintMap.Verdict;

import static dev.ballast.taints.Fixtures.daemonSet;
import static dev.ballast.taints.Fixtures.deployment;
import static dev.ballast.taints.Fixtures.node;
import static dev.ballast.taints.Fixtures.read;
import static dev.ballast.taints.Fixtures.tainted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a workload may be scheduled on a node group: taints and tolerations, the tolerations
 * Kubernetes adds, node selectors and required node affinity.
 */
class TaintMatchingTests {

	private static final String GPU_TAINT = "{key: just-for-gpu-application, value: 'true', effect: NoExecute}";

	static Cell cell(TaintMap map, String workload, String pool) {
		TaintMap.Row row = map.rows().stream().filter((r) -> r.name().equals(workload)).findFirst().orElseThrow();
		int group = 0;
		while (!pool.equals(java.util.Objects.requireNonNullElse(map.groups().get(group).pool(), "-"))) {
			group++;
		}
		return map.profiles().get(row.profile()).cells().get(group);
	}

	@Test
	void untaintedNodesTakeAnyPod() {
		TaintMap map = TaintAnalysis.of(read(node("n1", "general"), deployment("web", "")));
		assertThat(cell(map, "web", "general")).isEqualTo(new Cell(Verdict.ALLOWED, 1, null, java.util.List.of()));
	}

	@Test
	void aTaintNotToleratedKeepsPodsOffAndIsNamedInItsRealText() {
		TaintMap map = TaintAnalysis.of(read(tainted("g1", "gpu", GPU_TAINT), deployment("web", "")));
		Cell cell = cell(map, "web", "gpu");
		assertThat(cell.verdict()).isEqualTo(Verdict.TAINT);
		assertThat(cell.reason()).isEqualTo("just-for-gpu-application=true:NoExecute");
		assertThat(map.groups().get(0).taints().get(0).text()).isEqualTo("just-for-gpu-application=true:NoExecute");
	}

	@Test
	void theSeedsTolerationsLetGpuWorkloadsOnTheFencedPool() {
		TaintMap map = TaintAnalysis.of(read(tainted("g1", "gpu", GPU_TAINT), deployment("train", """
				tolerations:
				- {key: just-for-gpu-application, operator: Exists, effect: NoSchedule}
				- {key: just-for-gpu-application, operator: Exists, effect: NoExecute}""")));
		Cell cell = cell(map, "train", "gpu");
		assertThat(cell.verdict()).isEqualTo(Verdict.ALLOWED);
		assertThat(cell.tolerated()).containsExactly("just-for-gpu-application=true:NoExecute");
	}

	@Test
	void aTolerationOfAnotherEffectDoesNotTolerate() {
		TaintMap map = TaintAnalysis.of(read(tainted("g1", "gpu", GPU_TAINT), deployment("half", """
				tolerations: [{key: just-for-gpu-application, operator: Exists, effect: NoSchedule}]""")));
		assertThat(cell(map, "half", "gpu").verdict()).isEqualTo(Verdict.TAINT);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{key: dedicated, operator: Equal, value: mysql, effect: NoSchedule} | ALLOWED",
			"{key: dedicated, operator: Equal, value: redis, effect: NoSchedule} | TAINT",
			"{key: dedicated, value: mysql} | ALLOWED",
			"{key: dedicated, operator: Exists} | ALLOWED",
			"{key: other, operator: Exists} | TAINT",
			"{operator: Exists, effect: NoSchedule} | ALLOWED",
			"{operator: Exists, effect: NoExecute} | TAINT" })
	void equalNeedsTheValueExistsAnyValue(String toleration, Verdict verdict) {
		TaintMap map = TaintAnalysis.of(read(tainted("db1", "highio", "{key: dedicated, value: mysql, effect: NoSchedule}"),
				deployment("db", "tolerations: [" + toleration + "]")));
		assertThat(cell(map, "db", "highio").verdict()).isEqualTo(verdict);
	}

	@Test
	void preferNoScheduleOnlyDiscourages() {
		String soft = "{key: spot, value: 'true', effect: PreferNoSchedule}";
		TaintMap map = TaintAnalysis.of(read(tainted("s1", "spot", soft), deployment("web", ""),
				deployment("batch", "tolerations: [{key: spot, operator: Exists}]")));
		assertThat(cell(map, "web", "spot")).isEqualTo(new Cell(Verdict.DISCOURAGED, 1, "spot=true:PreferNoSchedule",
				java.util.List.of()));
		assertThat(cell(map, "batch", "spot").verdict()).isEqualTo(Verdict.ALLOWED);
	}

	@Test
	void everyPodToleratesNotReadyAndUnreachableFor300Seconds() {
		String notReady = "{key: node.kubernetes.io/not-ready, effect: NoExecute}";
		TaintMap map = TaintAnalysis.of(read(tainted("n1", "general", notReady), deployment("web", ""),
				deployment("quick", "tolerations: [{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 60}]")));
		assertThat(cell(map, "web", "general").verdict()).isEqualTo(Verdict.ALLOWED);
		TaintMap.Profile web = map.profiles().get(map.rows().get(1).profile());
		assertThat(web.added()).containsExactly("node.kubernetes.io/not-ready:NoExecute (300s)",
				"node.kubernetes.io/unreachable:NoExecute (300s)");
		// its own 60 s toleration stays; only unreachable is added
		TaintMap.Profile quick = map.profiles().get(map.rows().get(0).profile());
		assertThat(quick.added()).containsExactly("node.kubernetes.io/unreachable:NoExecute (300s)");
	}

	@Test
	void daemonSetsTolerateCordonsAndPressureButDeploymentsDoNot() {
		String cordon = node("c1", "general", "unschedulable: true", "");
		String pressure = tainted("m1", "busy", "{key: node.kubernetes.io/memory-pressure, effect: NoSchedule}");
		TaintMap map = TaintAnalysis.of(read(cordon, pressure, daemonSet("agent", ""), deployment("web", "")));
		assertThat(map.groups().get(1).taints()).extracting(TaintMap.TaintText::text)
			.containsExactly("node.kubernetes.io/unschedulable:NoSchedule");
		assertThat(cell(map, "agent", "general").verdict()).isEqualTo(Verdict.ALLOWED);
		assertThat(cell(map, "agent", "busy").verdict()).isEqualTo(Verdict.ALLOWED);
		assertThat(cell(map, "web", "general").reason()).isEqualTo("node.kubernetes.io/unschedulable:NoSchedule");
		assertThat(cell(map, "web", "busy").verdict()).isEqualTo(Verdict.TAINT);
		TaintMap.Profile agent = map.profiles().get(map.rows().get(0).profile());
		assertThat(agent.added()).containsExactly("node.kubernetes.io/not-ready:NoExecute",
				"node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/disk-pressure:NoSchedule",
				"node.kubernetes.io/memory-pressure:NoSchedule", "node.kubernetes.io/pid-pressure:NoSchedule",
				"node.kubernetes.io/unschedulable:NoSchedule");
	}

	@Test
	void onlyHostNetworkDaemonSetsTolerateAnUnavailableNetwork() {
		String network = tainted("x1", "new", "{key: node.kubernetes.io/network-unavailable, effect: NoSchedule}");
		TaintMap map = TaintAnalysis.of(read(network, daemonSet("cni", "hostNetwork: true"), daemonSet("logs", "")));
		assertThat(cell(map, "cni", "new").verdict()).isEqualTo(Verdict.ALLOWED);
		assertThat(cell(map, "logs", "new").verdict()).isEqualTo(Verdict.TAINT);
	}

	@Test
	void extendedResourceRequestsTolerateTheResourcesNoScheduleTaint() {
		String gpuTaint = tainted("g1", "gpu", "{key: nvidia.com/gpu, effect: NoSchedule}");
		String gpuPod = """
				containers: [{name: app, image: app:1, resources: {limits: {nvidia.com/gpu: '1'}}}]""";
		TaintMap map = TaintAnalysis.of(read(gpuTaint, deployment("train", gpuPod), deployment("web", "")));
		assertThat(cell(map, "train", "gpu").verdict()).isEqualTo(Verdict.ALLOWED);
		assertThat(cell(map, "web", "gpu").verdict()).isEqualTo(Verdict.TAINT);
		assertThat(map.notes()).contains("taints.note.extended");
	}

	@Test
	void aNodeSelectorOfAnotherPoolIsNamed() {
		TaintMap map = TaintAnalysis.of(read(node("n1", "general"), node("l1", "legacy"),
				deployment("old", "nodeSelector: {ballast.dev/pool: legacy}")));
		assertThat(cell(map, "old", "general")).isEqualTo(new Cell(Verdict.SELECTOR, 0, "ballast.dev/pool=legacy",
				java.util.List.of()));
		assertThat(cell(map, "old", "legacy").verdict()).isEqualTo(Verdict.ALLOWED);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{key: disk, operator: In, values: [nvme, ssd]} | ALLOWED",
			"{key: disk, operator: In, values: [hdd]} | SELECTOR",
			"{key: disk, operator: NotIn, values: [hdd]} | ALLOWED",
			"{key: disk, operator: NotIn, values: [nvme]} | SELECTOR",
			"{key: missing, operator: NotIn, values: [x]} | ALLOWED",
			"{key: disk, operator: Exists} | ALLOWED",
			"{key: missing, operator: Exists} | SELECTOR",
			"{key: missing, operator: DoesNotExist} | ALLOWED",
			"{key: disk, operator: DoesNotExist} | SELECTOR",
			"{key: cores, operator: Gt, values: ['8']} | ALLOWED",
			"{key: cores, operator: Gt, values: ['16']} | SELECTOR",
			"{key: cores, operator: Lt, values: ['32']} | ALLOWED",
			"{key: disk, operator: Lt, values: ['32']} | SELECTOR",
			"{key: disk, operator: Matches, values: [nvme]} | SELECTOR" })
	void requiredNodeAffinityOperators(String expression, Verdict verdict) {
		String node = """
				apiVersion: v1
				kind: Node
				metadata: {name: io1, labels: {ballast.dev/pool: highio, disk: nvme, cores: '16'}}
				""";
		TaintMap map = TaintAnalysis.of(read(node, deployment("db", affinity("[{matchExpressions: [" + expression + "]}]"))));
		assertThat(cell(map, "db", "highio").verdict()).isEqualTo(verdict);
	}

	@Test
	void anyTermMayMatchAndMatchFieldsSelectsByName() {
		String terms = "[{matchExpressions: [{key: disk, operator: In, values: [nvme]}]}, "
				+ "{matchFields: [{key: metadata.name, operator: In, values: [n2]}]}]";
		TaintMap map = TaintAnalysis.of(read(node("n1", "general"), node("n2", "general"), node("n3", "general"),
				deployment("pinned", affinity(terms))));
		Cell cell = cell(map, "pinned", "general");
		assertThat(cell.verdict()).isEqualTo(Verdict.PARTIAL);
		assertThat(cell.allowedNodes()).isEqualTo(1);
		assertThat(cell.reason()).isEqualTo("disk In [nvme]");
	}

	@Test
	void anEmptyTermMatchesNoNode() {
		TaintMap map = TaintAnalysis.of(read(node("n1", "general"), deployment("odd", affinity("[{}]"))));
		assertThat(cell(map, "odd", "general").verdict()).isEqualTo(Verdict.SELECTOR);
	}

	@Test
	void taintsAreCheckedBeforeSelectorsAsTheSchedulerDoes() {
		TaintMap map = TaintAnalysis.of(read(tainted("g1", "gpu", GPU_TAINT),
				deployment("old", "nodeSelector: {ballast.dev/pool: legacy}")));
		assertThat(cell(map, "old", "gpu").verdict()).isEqualTo(Verdict.TAINT);
	}

	static String affinity(String terms) {
		return "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: " + terms
				+ "}}}";
	}

}
