package dev.ballast.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ballast.snapshot.demo.DemoClusterGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled demo cluster reads cleanly and is what its generator makes.
 */
class DemoClusterTests {

	private static final Path DEMO = Path.of("src/main/resources/demo");

	private static final ClusterSnapshot DEMO_SNAPSHOT = new ManifestReader().read("demo", List.of(DEMO));

	private final ClusterSnapshot demo = DEMO_SNAPSHOT;

	@Test
	void readsWithoutProblems() {
		assertThat(this.demo.source().warnings()).isEmpty();
		assertThat(this.demo.source().otherKinds()).isEmpty();
		assertThat(this.demo.source().secretsDropped()).isZero();
		assertThat(this.demo.nodes()).hasSize(12);
		assertThat(this.demo.namespaces()).hasSize(9);
		assertThat(this.demo.workloads()).hasSize(40);
		assertThat(this.demo.workloads().stream().collect(Collectors.groupingBy(Workload::kind, Collectors.counting())))
			.containsExactlyInAnyOrderEntriesOf(Map.of("Deployment", 24L, "StatefulSet", 6L, "DaemonSet", 4L, "CronJob", 3L,
					"Job", 2L, "Pod", 1L));
		assertThat(this.demo.pods()).hasSize(101);
		assertThat(this.demo.services()).hasSize(23);
		assertThat(this.demo.nodeUsage()).hasSize(12);
	}

	@Test
	void resolvesEveryControlledPodToAWorkload() {
		for (PodFacts pod : this.demo.pods()) {
			assertThat(this.demo.workloads()).as("owner of %s", pod.name())
				.anyMatch((workload) -> workload.namespace().equals(pod.namespace())
						&& (pod.owner() == null ? workload.name().equals(pod.name()) : workload.ref().equals(pod.owner())));
		}
	}

	@Test
	void showsTheStoriesTheDemoIsFor() {
		assertThat(this.demo.nodes()).filteredOn((node) -> node.system().containerRuntimeVersion().startsWith("docker://"))
			.extracting(ClusterNode::name).containsExactly("legacy-1");
		assertThat(this.demo.nodes()).filteredOn((node) -> node.capacity().amount("nvidia.com/gpu") > 0)
			.extracting((node) -> node.name() + " " + node.taints()).containsExactly("gpu-1 []",
					"gpu-2 [just-for-gpu-application=true:NoExecute]");
		assertThat(this.demo.pods()).filteredOn((pod) -> pod.containers().stream()
			.anyMatch((container) -> "OOMKilled".equals(container.lastTerminationReason())))
			.extracting(PodFacts::namespace).containsExactlyInAnyOrder("shop", "logging");
		assertThat(this.demo.pods()).filteredOn((pod) -> pod.condition("PodScheduled") != null)
			.extracting((pod) -> pod.condition("PodScheduled").reason()).containsExactly("Unschedulable");
		assertThat(this.demo.disruptionBudgets()).anyMatch((budget) -> Integer.valueOf(0).equals(budget.disruptionsAllowed()));
		assertThat(this.demo.autoscalers()).anyMatch((autoscaler) -> Integer.valueOf(1).equals(autoscaler.minReplicas()));
		assertThat(this.demo.ingresses().get(0).routes()).extracting(Ingress.Route::service).contains("gift-cards");
		assertThat(this.demo.configMaps()).filteredOn((configMap) -> !configMap.data().isEmpty())
			.extracting(ConfigMap::name).containsExactlyInAnyOrder("kube-flannel-cfg", "kube-proxy", "kubeadm-config");
		assertThat(this.demo.clusterRoles()).anyMatch((role) -> role.getAggregationRule() != null);
		assertThat(this.demo.endpoints()).contains(new EndpointCount("shop", "promotions", 0, 0));
	}

	@Test
	void isWhatTheGeneratorMakes(@TempDir Path temp) throws IOException {
		DemoClusterGenerator.main(new String[] { temp.toString() });
		try (var files = Files.list(DEMO)) {
			assertThat(files.map((file) -> file.getFileName().toString()).sorted())
				.as("regenerate with tools/demo-generator/generate.sh")
				.containsExactlyElementsOf(Files.list(temp).map((file) -> file.getFileName().toString()).sorted().toList());
		}
		try (var files = Files.list(temp)) {
			for (Path generated : files.toList()) {
				assertThat(DEMO.resolve(generated.getFileName())).as("regenerate with tools/demo-generator/generate.sh")
					.hasSameTextualContentAs(generated);
			}
		}
	}

}
