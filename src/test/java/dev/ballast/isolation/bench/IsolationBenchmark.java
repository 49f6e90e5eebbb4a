package dev.ballast.isolation.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import tools.jackson.databind.json.JsonMapper;

import dev.ballast.isolation.IsolationAnalysis;
import dev.ballast.isolation.IsolationReport;
import dev.ballast.isolation.NamespacePosture;
import dev.ballast.isolation.ReachAnswer;
import dev.ballast.isolation.ReachMatrix;
import dev.ballast.isolation.Reachability;
import dev.ballast.isolation.Reachability.Port;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.SnapshotBuilder;
import dev.ballast.snapshot.SnapshotSource;

/**
 * The isolation analysis on a large synthetic cluster: NAMESPACES namespaces with three apps of
 * PODS_PER_APP bare pods each; every other namespace has a default deny and an allow-from-own-
 * namespace-frontend policy. Prints the analysis time, the stored document's size, and the
 * request-time cost of the page's 40-namespace matrix and of one "can A reach B".
 */
public final class IsolationBenchmark {

	private IsolationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int namespaces = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int podsPerApp = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		SnapshotBuilder builder = ClusterSnapshot.builder()
			.clusterName("bench")
			.origin(SnapshotSource.Origin.LIVE)
			.takenAt(Instant.parse("2026-01-01T00:00:00Z"));
		int ip = 0;
		for (int n = 0; n < namespaces; n++) {
			String ns = "team-" + n;
			builder.add(new V1Namespace().apiVersion("v1").kind("Namespace")
				.metadata(new V1ObjectMeta().name(ns).labels(Map.of("kubernetes.io/metadata.name", ns, "tier", "t" + (n % 3)))));
			for (String app : List.of("frontend", "api", "db")) {
				for (int p = 0; p < podsPerApp; p++) {
					ip++;
					String address = "10." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
					builder.pod(new V1Pod().apiVersion("v1").kind("Pod")
						.metadata(new V1ObjectMeta().name(app + "-" + p).namespace(ns)
							.labels(Map.of("app", app, "pod-template-hash", "h" + p)))
						.spec(new V1PodSpec().containers(List.of(new V1Container().name(app).image("img")
							.ports(List.of(new V1ContainerPort().name("http").containerPort(8080))))))
						.status(new V1PodStatus().phase("Running").podIP(address)));
				}
			}
			if (n % 2 == 0) {
				builder.add(policy(ns, "default-deny", new V1NetworkPolicySpec().podSelector(new V1LabelSelector())
					.policyTypes(List.of("Ingress"))));
				builder.add(policy(ns, "allow-frontend", new V1NetworkPolicySpec()
					.podSelector(new V1LabelSelector().matchLabels(Map.of("app", "api")))
					.ingress(List.of(new V1NetworkPolicyIngressRule().from(List.of(new V1NetworkPolicyPeer()
						.podSelector(new V1LabelSelector().matchLabels(Map.of("app", "frontend")))))))));
			}
		}
		ClusterSnapshot snapshot = builder.build();
		System.out.printf("cluster: %,d namespaces, %,d pods, %,d policies%n", namespaces, snapshot.pods().size(),
				snapshot.networkPolicies().size());
		for (int run = 0; run < 2; run++) {
			long start = System.nanoTime();
			IsolationReport report = IsolationAnalysis.of(snapshot);
			long analysed = System.nanoTime();
			byte[] json = JsonMapper.builder().build().writeValueAsBytes(report);
			long written = System.nanoTime();
			if (run == 0) {
				JsonMapper mapper = JsonMapper.builder().build();
				System.out.printf("  of which namespaces %,d bytes, groups %,d, policies %,d, findings %,d%n",
						mapper.writeValueAsBytes(report.network().namespaces()).length,
						mapper.writeValueAsBytes(report.network().groups()).length,
						mapper.writeValueAsBytes(report.network().policies()).length,
						mapper.writeValueAsBytes(report.network().findings()).length);
			}
			Reachability reach = Reachability.of(report.network());
			List<String> shown = report.network().namespaces().stream().map(NamespacePosture::name).limit(40).toList();
			ReachMatrix matrix = ReachMatrix.namespaces(reach, shown, new Port("TCP", 8080));
			long matrixDone = System.nanoTime();
			ReachAnswer answer = ReachAnswer.of(reach, "team-1", "team-0", new Port("TCP", 8080), 200);
			long answered = System.nanoTime();
			System.out.printf(
					"run %d: analysis %d ms, document %,d bytes (%d groups) written in %d ms; request: engine + 40x40 matrix %d ms (%d cells), reach %d ms (%d of %d pairs)%n",
					run, (analysed - start) / 1_000_000, json.length, report.network().groups().size(),
					(written - analysed) / 1_000_000, (matrixDone - written) / 1_000_000,
					matrix.rows().size() * matrix.columns().size(), (answered - matrixDone) / 1_000_000,
					answer.allowedPairs(), answer.pairs());
		}
	}

	private static V1NetworkPolicy policy(String namespace, String name, V1NetworkPolicySpec spec) {
		return new V1NetworkPolicy().apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
			.metadata(new V1ObjectMeta().name(name).namespace(namespace))
			.spec(spec);
	}

}
