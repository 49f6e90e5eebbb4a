package dev.ballast.isolation;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How well one namespace is fenced: network isolation, resource bounds, Pod Security admission,
 * and a verdict with its reasons.
 *
 * @param name the namespace
 * @param labels its labels that some policy's namespace selector looks at ({@code kubernetes.io/metadata.name}
 * set to the name, as the API server does since 1.21)
 * @param workloads workloads in it
 * @param pods pods in it that take part in pod networking (not finished, not host network)
 * @param hostNetworkPods pods on the node's network, which NetworkPolicy does not cover
 * @param policies NetworkPolicies in it
 * @param defaultDenyIngress whether a policy with an empty pod selector isolates every pod for ingress
 * @param defaultDenyEgress the same for egress
 * @param groups pod groups
 * @param ingressIsolated pod groups selected by at least one ingress policy
 * @param egressIsolated pod groups selected by at least one egress policy
 * @param openGroups pod groups that accept every pod of the cluster on every port
 * @param limitRanges LimitRanges in it
 * @param resourceQuotas ResourceQuotas in it
 * @param psaEnforce the {@code pod-security.kubernetes.io/enforce} level, if set
 * @param psaWarn the {@code warn} level, if set
 * @param psaAudit the {@code audit} level, if set
 * @param verdict the verdict
 * @param reasons why, as message code suffixes ({@code isolation.reason.<code>})
 * @param dns workloads whose DNS settings differ from the default
 */
public record NamespacePosture(String name, Map<String, String> labels, int workloads, int pods, int hostNetworkPods,
		int policies, boolean defaultDenyIngress, boolean defaultDenyEgress, int groups, int ingressIsolated,
		int egressIsolated, int openGroups, int limitRanges, int resourceQuotas, @Nullable String psaEnforce,
		@Nullable String psaWarn, @Nullable String psaAudit, Verdict verdict, List<String> reasons, Dns dns) {

	public NamespacePosture {
		labels = new java.util.TreeMap<>(labels);
		reasons = List.copyOf(reasons);
	}

	/** The verdict on a namespace. */
	public enum Verdict {

		/** Every pod isolated, bounded and admitted under a Pod Security level. */
		OK,
		/** Some fence is missing. */
		WARNING,
		/** Every pod is reachable from every pod of the cluster, or its policies are not enforced. */
		DANGER,
		/** A system or empty namespace: for information. */
		INFO

	}

	/**
	 * Workloads whose DNS settings differ from {@code ClusterFirst} with {@code ndots:5}.
	 *
	 * @param overrides how many workloads
	 * @param examples the first of them
	 */
	public record Dns(int overrides, List<DnsOverride> examples) {

		public Dns {
			examples = List.copyOf(examples);
		}

	}

	/**
	 * One workload's DNS settings.
	 *
	 * @param workload {@code Kind/name}
	 * @param dnsPolicy its {@code dnsPolicy} ({@code ClusterFirst} when unset)
	 * @param ndots its {@code ndots} option, if set
	 * @param searches whether it adds search domains or name servers of its own
	 */
	public record DnsOverride(String workload, String dnsPolicy, @Nullable String ndots, boolean searches) {
	}

}
