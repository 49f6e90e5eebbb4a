package dev.ballast.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What manifests are read into: list documents and dumps, JSON, folders, archives, standard input;
 * Secrets dropped, other kinds counted, pods reduced to facts.
 */
class ManifestReaderTests {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures/manifests");

	private final ManifestReader reader = new ManifestReader(ManifestReader.Settings.defaults(),
			java.time.Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void countsUnknownKindsAsInformation() {
		ClusterSnapshot snapshot = read("unknown-kind.yaml");
		assertThat(snapshot.source().otherKinds()).containsExactly(Map.entry("Certificate.cert-manager.io", 2),
				Map.entry("ServiceMonitor.monitoring.coreos.com", 1));
		assertThat(snapshot.source().warnings()).isEmpty();
		assertThat(snapshot.namespaces()).extracting(Namespace::name).containsExactly("shop");
	}

	@Test
	void readsListDocument() {
		ClusterSnapshot snapshot = read("list.yaml");
		assertThat(snapshot.workloads()).singleElement().satisfies((workload) -> {
			assertThat(workload.toString()).isEqualTo("Deployment shop/web");
			assertThat(workload.replicas()).isEqualTo(2);
			assertThat(workload.template().getSpec().getContainers().get(0).getImage())
				.isEqualTo("registry.example.com/shop/web:1.4.2");
		});
		assertThat(snapshot.services()).singleElement()
			.satisfies((service) -> assertThat(service.selector()).containsEntry("app", "web"));
	}

	@Test
	void readsKubectlDumpStreamingItsItems() {
		ClusterSnapshot snapshot = read("kubectl-dump.yaml");
		assertThat(snapshot.source().origin()).isEqualTo(SnapshotSource.Origin.MANIFESTS);
		assertThat(snapshot.source().takenAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
		assertThat(snapshot.workloads()).extracting(Workload::toString).containsExactly("Deployment shop/checkout");
		Workload checkout = snapshot.workloads().get(0);
		assertThat(checkout.rollout().maxSurge()).isEqualTo("25%");
		assertThat(checkout.rollout().maxUnavailable()).isEqualTo("0");
		assertThat(checkout.readyReplicas()).isEqualTo(1);
		assertThat(checkout.annotations()).containsOnlyKeys("deployment.kubernetes.io/revision");
		assertThat(checkout.object()).extractingByKey("metadata").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.doesNotContainKey("managedFields")
			.containsEntry("creationTimestamp", "2024-03-01T08:00:00Z");
		assertThat(snapshot.podsOf(checkout)).hasSize(2);
		assertThat(snapshot.services()).hasSize(1);
		assertThat(snapshot.endpoints()).containsExactly(new EndpointCount("shop", "checkout", 0, 1));
		assertThat(snapshot.source().secretsDropped()).isEqualTo(1);
		assertThat(snapshot.configMaps()).satisfiesExactly((proxy) -> {
			assertThat(proxy.name()).isEqualTo("kube-proxy");
			assertThat(proxy.data().get("config.conf")).contains("clusterCIDR: 10.244.0.0/16");
		}, (settings) -> {
			assertThat(settings.keys()).containsExactly("application.yaml", "log-level");
			assertThat(settings.data()).isEmpty();
		});
	}

	@Test
	void resolvesReplicaSetPodsToTheirDeployment() {
		ClusterSnapshot snapshot = read("kubectl-dump.yaml");
		assertThat(snapshot.pods()).allSatisfy((pod) -> {
			assertThat(pod.owner()).isEqualTo(new WorkloadRef("Deployment", "checkout"));
			assertThat(pod.controller()).isEqualTo(new WorkloadRef("ReplicaSet", "checkout-7c9d8f6b5"));
		});
	}

	@Test
	void reducesPodsToFacts() {
		ClusterSnapshot snapshot = read("kubectl-dump.yaml");
		PodFacts running = snapshot.pods().get(0);
		assertThat(running.name()).isEqualTo("checkout-7c9d8f6b5-x2k9p");
		assertThat(running.nodeName()).isEqualTo("general-a-1");
		assertThat(running.phase()).isEqualTo("Running");
		assertThat(running.podIps()).containsExactly("10.244.0.17");
		// app containers 500m + 100m, but the init container asks 1 CPU: the larger counts
		assertThat(running.requests().cpuMillis()).isEqualTo(1000);
		assertThat(running.requests().memoryBytes()).isEqualTo((512 + 64) * 1024 * 1024L);
		assertThat(running.limits().memoryBytes()).isEqualTo(Resources.UNBOUNDED);
		assertThat(running.restarts()).isEqualTo(7);
		assertThat(running.containers()).first().satisfies((container) -> {
			assertThat(container.name()).isEqualTo("checkout");
			assertThat(container.lastTerminationReason()).isEqualTo("OOMKilled");
			assertThat(container.lastExitCode()).isEqualTo(137);
			assertThat(container.waitingReason()).isEqualTo("CrashLoopBackOff");
		});
		assertThat(running.tolerations()).hasSize(2).allMatch((toleration) -> "NoExecute".equals(toleration.effect()));
		assertThat(running.startedAt()).isEqualTo(Instant.parse("2024-03-02T09:00:00Z"));
		assertThat(running.ready()).isFalse();
		PodFacts pending = snapshot.pods().get(1);
		assertThat(pending.condition("PodScheduled")).satisfies((condition) -> {
			assertThat(condition.reason()).isEqualTo("Unschedulable");
			assertThat(condition.message()).contains("Insufficient memory");
		});
		assertThat(pending.startedAt()).isNull();
	}

	@Test
	void readsJson() {
		ClusterSnapshot snapshot = this.reader.read("x",
				List.of(FIXTURES.resolve("deployment.json"), FIXTURES.resolve("pod-list.json")));
		assertThat(snapshot.workloads()).extracting(Workload::toString)
			.containsExactly("Deployment payments/api", "Pod payments/api-1", "Pod payments/api-2");
		assertThat(snapshot.workloads().get(0).object()).containsEntry("kind", "Deployment");
		assertThat(snapshot.pods()).hasSize(2).first().satisfies((pod) -> {
			assertThat(pod.owner()).isNull();
			assertThat(pod.requests().memoryBytes()).isEqualTo(1024L * 1024 * 1024);
			assertThat(pod.containers()).singleElement()
				.satisfies((container) -> assertThat(container.lastTerminationReason()).isEqualTo("Error"));
		});
	}

	@Test
	void readsFolderRecursivelySkippingHiddenAndOtherFiles() {
		ClusterSnapshot snapshot = read("folder");
		assertThat(snapshot.namespaces()).extracting(Namespace::name).containsExactly("alpha", "beta", "gamma");
	}

	@Test
	void readsZipAndTarGzArchives(@TempDir Path temp) throws IOException {
		Path zip = temp.resolve("manifests.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			for (String name : List.of("list.yaml", "folder/sub/c.json", "folder/notes.txt")) {
				out.putNextEntry(new ZipEntry(name));
				Files.copy(FIXTURES.resolve(name), out);
				out.closeEntry();
			}
		}
		Path tgz = temp.resolve("dump.tar.gz");
		try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tgz)))) {
			Path dump = FIXTURES.resolve("kubectl-dump.yaml");
			TarArchiveEntry entry = new TarArchiveEntry("cluster/dump.yaml");
			entry.setSize(Files.size(dump));
			out.putArchiveEntry(entry);
			Files.copy(dump, out);
			out.closeArchiveEntry();
		}
		ClusterSnapshot snapshot = this.reader.read("x", List.of(zip, tgz));
		assertThat(snapshot.workloads()).extracting(Workload::toString)
			.containsExactly("Deployment shop/web", "Deployment shop/checkout");
		assertThat(snapshot.namespaces()).extracting(Namespace::name).containsExactly("gamma");
		assertThat(snapshot.pods()).hasSize(2);
	}

	@Test
	void readsStandardInputPlainOrGzipped() throws IOException {
		byte[] list = Files.readAllBytes(FIXTURES.resolve("list.yaml"));
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(gzipped)) {
			out.write(list);
		}
		for (byte[] input : List.of(list, gzipped.toByteArray())) {
			ClusterSnapshot snapshot = this.reader.read("x", "<stdin>", new ByteArrayInputStream(input));
			assertThat(snapshot.workloads()).hasSize(1);
			assertThat(snapshot.services()).hasSize(1);
		}
	}

	@Test
	void dropsSecretsUnreadAndCountsThem() {
		ClusterSnapshot snapshot = read("secret.yaml");
		assertThat(snapshot.source().secretsDropped()).isEqualTo(2);
		assertThat(snapshot.configMaps()).singleElement().satisfies((configMap) -> {
			assertThat(configMap.keys()).containsExactly("currency", "timeout");
			assertThat(configMap.data()).isEmpty();
		});
		assertThat(snapshot.source().otherKinds()).isEmpty();
	}

	@Test
	void keepsUnquotedTimestampsAsStringsAndAppliesMergeKeys() {
		String yaml = """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: web
				  creationTimestamp: 2024-03-01T08:00:00Z
				  labels: &labels {app: web}
				spec:
				  selector: {matchLabels: *labels}
				  template:
				    metadata: {labels: {<<: *labels, tier: front}}
				    spec: {containers: [{name: web, image: nginx}]}
				""";
		ClusterSnapshot snapshot = this.reader.read("x", "merge.yaml", stream(yaml));
		Workload web = snapshot.workloads().get(0);
		assertThat(web.createdAt()).isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
		assertThat(web.template().getMetadata().getLabels()).containsOnly(Map.entry("app", "web"), Map.entry("tier", "front"));
		assertThat(web.object()).extractingByKey("metadata").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("creationTimestamp", "2024-03-01T08:00:00Z");
	}

	private ClusterSnapshot read(String fixture) {
		return this.reader.read("fixture", List.of(FIXTURES.resolve(fixture)));
	}

	static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	static ManifestException catchManifestException(Runnable read) {
		try {
			read.run();
		}
		catch (ManifestException ex) {
			return ex;
		}
		throw new AssertionError("Expected a ManifestException");
	}

}
