package dev.ballast.scan.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a scan saw of one workload, apart from its findings: stored as one small JSON document per
 * workload and scan ({@code scan_workload_fact}) for the workload page.
 *
 * @param kind e.g. {@code Deployment}
 * @param apiVersion e.g. {@code apps/v1}
 * @param replicas desired replicas, where the kind has them
 * @param readyReplicas ready replicas from the status, if given
 * @param labels the workload's labels
 * @param annotations the workload's annotations (long values shortened)
 * @param owners its owner references, e.g. {@code Rollout/web}
 * @param serviceAccount the pod template's service account ({@code default} when unset)
 * @param images the images of its containers, init containers first
 * @param podCount how many pods it has
 * @param podsReady how many of them are ready
 * @param oomKilled how many of them had a container last terminated by {@code OOMKilled}
 * @param pods its pods, the troubled first, at most {@link WorkloadFactsOf#MAX_PODS}
 */
public record WorkloadFacts(String kind, String apiVersion, @Nullable Integer replicas, @Nullable Integer readyReplicas,
		Map<String, String> labels, Map<String, String> annotations, List<String> owners, String serviceAccount,
		List<String> images, int podCount, int podsReady, int oomKilled, List<Pod> pods) {

	/**
	 * One pod of a workload and where it runs.
	 *
	 * @param name the pod's name
	 * @param controller its direct controller, e.g. {@code ReplicaSet/web-5d8f}
	 * @param node the node it is bound to
	 * @param zone the node's {@code topology.kubernetes.io/zone}
	 * @param phase {@code Running}, {@code Pending}...
	 * @param ready whether it reports Ready
	 * @param restarts restarts over all its containers
	 * @param lastTermination why a container last terminated, e.g. {@code OOMKilled}
	 * @param lastTerminationContainer which container that was
	 * @param waiting why a container waits, e.g. {@code CrashLoopBackOff}
	 * @param startedAt when the kubelet started it
	 */
	public record Pod(String name, @Nullable String controller, @Nullable String node, @Nullable String zone,
			@Nullable String phase, boolean ready, int restarts, @Nullable String lastTermination,
			@Nullable String lastTerminationContainer, @Nullable String waiting, @Nullable Instant startedAt) {

		public boolean oomKilled() {
			return WorkloadFactsOf.OOM_KILLED.equals(this.lastTermination);
		}

	}

}
