package dev.ballast.isolation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;

import dev.ballast.isolation.NetworkIsolation.Enforcement;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Workload;

/**
 * Recognises the network plugin from the DaemonSets of a snapshot (names and images) and whether
 * it enforces NetworkPolicy: flannel alone, TKE's GlobalRouter or VPC-CNI agents alone and the AWS
 * VPC CNI without its network policy agent do not; Calico, Cilium, Canal, Weave Net, Antrea,
 * kube-router, OVN-Kubernetes, Kube-OVN, Azure NPM and GKE Dataplane V2 do.
 */
final class Cni {

	/** Recognised plugins that enforce NetworkPolicy: a fragment of a DaemonSet name or image, and its name. */
	private static final List<String[]> ENFORCING = List.of(new String[] { "calico", "calico" },
			new String[] { "cilium", "cilium" }, new String[] { "canal", "canal" }, new String[] { "weave", "weave-net" },
			new String[] { "antrea", "antrea" }, new String[] { "kube-router", "kube-router" },
			new String[] { "ovnkube", "ovn-kubernetes" }, new String[] { "kube-ovn", "kube-ovn" },
			new String[] { "azure-npm", "azure-npm" }, new String[] { "anetd", "gke-dataplane-v2" },
			new String[] { "aws-network-policy-agent", "aws-network-policy-agent" },
			new String[] { "kube-network-policies", "kube-network-policies" },
			new String[] { "networkpolicy", "network-policy-controller" },
			new String[] { "network-policy", "network-policy-controller" });

	/** Recognised plugins that do not. */
	private static final List<String[]> NOT_ENFORCING = List.of(new String[] { "flannel", "flannel" },
			new String[] { "aws-node", "aws-vpc-cni" }, new String[] { "tke-bridge-agent", "tke-global-router" },
			new String[] { "tke-route-eni", "tke-vpc-cni" }, new String[] { "tke-eni-agent", "tke-vpc-cni" });

	private Cni() {
	}

	static NetworkIsolation.Cni of(ClusterSnapshot snapshot) {
		Set<String> enforcing = new TreeSet<>();
		Set<String> other = new TreeSet<>();
		for (Workload workload : snapshot.workloads()) {
			if (!workload.kind().equals("DaemonSet")) {
				continue;
			}
			String text = text(workload);
			recognise(text, ENFORCING, enforcing);
			recognise(text, NOT_ENFORCING, other);
		}
		if (enforcing.contains("canal")) {
			other.remove("flannel");
		}
		Set<String> all = new TreeSet<>(other);
		all.addAll(enforcing);
		Enforcement enforcement = !enforcing.isEmpty() ? Enforcement.ENFORCED
				: (!other.isEmpty() && snapshot.gap("DaemonSet") == null) ? Enforcement.NOT_ENFORCED : Enforcement.UNKNOWN;
		return new NetworkIsolation.Cni(List.copyOf(all), enforcement);
	}

	private static void recognise(String text, List<String[]> known, Set<String> found) {
		for (String[] plugin : known) {
			if (text.contains(plugin[0])) {
				found.add(plugin[1]);
			}
		}
	}

	private static String text(Workload workload) {
		StringBuilder text = new StringBuilder(workload.name());
		V1PodSpec spec = workload.template().getSpec();
		if (spec != null && spec.getContainers() != null) {
			for (V1Container container : spec.getContainers()) {
				text.append(' ').append(container.getName()).append(' ').append(container.getImage());
			}
		}
		return text.toString().toLowerCase(Locale.ROOT);
	}

}
