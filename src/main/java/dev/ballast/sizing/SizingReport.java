package dev.ballast.sizing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Taint;
import dev.ballast.snapshot.Toleration;

/**
 * The result of {@link SizingAnalysis}, stored with each scan as JSON: node pools with their
 * shapes and use, blast radius, and the cluster's pod requests grouped for the what-if packer.
 * Amounts are millicores and bytes.
 *
 * @param poolLabel the first pool label found on a node, {@code null} when nodes are grouped by
 * nothing better than "no pool label"
 * @param metrics whether metrics.k8s.io usage was read for at least one node
 * @param zones the zones ({@code topology.kubernetes.io/zone}) nodes are in
 * @param pools the pools, largest first
 * @param nodes one row per node, worst blast radius first
 * @param exposure workloads that lose every replica with one node or one zone
 * @param groups the pods (not finished) grouped by workload, request and pool, for the what-if
 * @param notes what the analysis could not know, as message codes ({@code metrics-missing},
 * {@code provider-assumed}, {@code mixed-shapes}, {@code no-pool-label}, {@code no-nodes})
 */
public record SizingReport(@Nullable String poolLabel, boolean metrics, List<String> zones, List<Pool> pools,
		List<NodeRow> nodes, Exposure exposure, List<PodGroup> groups, List<String> notes) {

	/**
	 * CPU, memory and GPUs.
	 *
	 * @param cpuMillis millicores
	 * @param memoryBytes bytes
	 * @param gpus {@code nvidia.com/gpu} (and any other resource named {@code <vendor>/gpu})
	 */
	public record Amounts(long cpuMillis, long memoryBytes, long gpus) {

		/** Nothing. */
		public static final Amounts ZERO = new Amounts(0, 0, 0);

		Amounts plus(Amounts other) {
			return new Amounts(this.cpuMillis + other.cpuMillis, this.memoryBytes + other.memoryBytes,
					this.gpus + other.gpus);
		}

		Amounts times(long count) {
			return new Amounts(this.cpuMillis * count, this.memoryBytes * count, this.gpus * count);
		}

	}

	/**
	 * A node pool.
	 *
	 * @param name the pool label's value ({@code ""} for nodes without any pool label)
	 * @param label the label key that named it, {@code null} for nodes without one
	 * @param nodes nodes
	 * @param readyNodes nodes reporting Ready
	 * @param shapes the machine shapes in the pool; more than one means a mixed pool
	 * @param model the provider's reserve model the prediction uses
	 * @param modelAssumed the provider was not recognised and GKE's model was assumed
	 * @param zones zones of its nodes
	 * @param labels labels every node of the pool carries (hostname-like labels left out)
	 * @param taints taints every node of the pool carries
	 * @param capacity summed capacity
	 * @param allocatable summed allocatable
	 * @param requests summed requests of the pods bound to its nodes
	 * @param limits summed limits of the pods that set them
	 * @param unlimitedPods pods without a CPU or memory limit (their use is bounded only by the node)
	 * @param usage summed usage from metrics.k8s.io, {@code null} when no node of the pool had any
	 * @param usageNodes nodes of the pool with usage
	 * @param pods pods bound to its nodes
	 * @param podSlots summed max pods
	 * @param busiestNodePods pods on the busiest node
	 * @param maxPods the busiest node's max pods
	 * @param strandedCpuMillis CPU left unrequested on nodes whose memory is ≥ 90% requested
	 * @param strandedMemoryBytes memory left unrequested on nodes whose CPU is ≥ 90% requested
	 * @param worstNode the node whose loss takes the largest share of one workload, if any
	 * @param worstWorkload that workload ({@code namespace/Kind/name})
	 * @param worstShare that share, 0-1
	 */
	public record Pool(String name, @Nullable String label, int nodes, int readyNodes, List<Shape> shapes,
			ReserveModel model, boolean modelAssumed, List<String> zones, Map<String, String> labels,
			List<Taint> taints, Amounts capacity, Amounts allocatable, Amounts requests, Amounts limits, int unlimitedPods,
			@Nullable Amounts usage, int usageNodes, int pods, int podSlots, int busiestNodePods, int maxPods,
			long strandedCpuMillis, long strandedMemoryBytes, @Nullable String worstNode,
			@Nullable String worstWorkload, double worstShare) {
	}

	/**
	 * One machine shape within a pool: capacity, what the nodes report as allocatable, and what
	 * the provider's model predicts they keep back.
	 *
	 * @param instanceType {@code node.kubernetes.io/instance-type}, if labelled
	 * @param count nodes of this shape
	 * @param capacity one node's capacity
	 * @param allocatable one node's allocatable
	 * @param maxPods one node's max pods
	 * @param predictedReserve the model's reserve (kube + system reserved + eviction threshold)
	 */
	public record Shape(@Nullable String instanceType, int count, Amounts capacity, Amounts allocatable, int maxPods,
			Amounts predictedReserve) {
	}

	/**
	 * One node and what dies with it.
	 *
	 * @param name the node
	 * @param pool its pool
	 * @param zone its zone, if labelled
	 * @param pods pods bound to it
	 * @param allocatable its allocatable
	 * @param requests requests of its pods
	 * @param usage usage from metrics.k8s.io, if read
	 * @param worstWorkload the workload (≥ 2 replicas) losing the largest share with it
	 * @param worstShare that share, 0-1
	 * @param workloadsHit workloads (not DaemonSets) with a replica on it
	 */
	public record NodeRow(String name, String pool, @Nullable String zone, int pods, Amounts allocatable,
			Amounts requests, @Nullable Amounts usage, @Nullable String worstWorkload, double worstShare,
			int workloadsHit) {
	}

	/**
	 * Workloads with a single point of failure.
	 *
	 * @param singleNode workloads with ≥ 2 scheduled replicas all on one node (at most 200)
	 * @param singleNodeTotal how many there are
	 * @param singleZone workloads with ≥ 2 scheduled replicas all in one zone of a multi-zone
	 * cluster (at most 200)
	 * @param singleZoneTotal how many there are
	 * @param singleReplica workloads with one scheduled replica (not counting Jobs and bare pods)
	 */
	public record Exposure(List<Placement> singleNode, int singleNodeTotal, List<Placement> singleZone,
			int singleZoneTotal, int singleReplica) {
	}

	/**
	 * Where all replicas of a workload are.
	 *
	 * @param workload {@code namespace/Kind/name}
	 * @param replicas its scheduled replicas
	 * @param place the node or the zone
	 */
	public record Placement(String workload, int replicas, String place) {
	}

	/**
	 * Pods of one workload with the same request on the same pool: the what-if packer's input.
	 *
	 * @param namespace namespace
	 * @param kind the owner's kind ({@code Pod} for a bare pod)
	 * @param name the owner's name
	 * @param count pods
	 * @param request one pod's request
	 * @param daemonSet whether a DaemonSet runs it (one per node)
	 * @param nodeSelector the template's node selector
	 * @param affinity required node-affinity terms (ORed), each a list of requirements (ANDed)
	 * @param tolerations tolerations
	 * @param pool the pool its pods run on, {@code null} for pods not scheduled
	 */
	public record PodGroup(String namespace, String kind, String name, int count, Amounts request,
			boolean daemonSet, Map<String, String> nodeSelector, List<List<Requirement>> affinity,
			List<Toleration> tolerations, @Nullable String pool) {

		/**
		 * The workload's key.
		 * @return {@code namespace/Kind/name}
		 */
		public String workload() {
			return this.namespace + "/" + this.kind + "/" + this.name;
		}

	}

	/**
	 * A node selector requirement.
	 *
	 * @param key the label key
	 * @param operator {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}, {@code Gt},
	 * {@code Lt}
	 * @param values the values
	 */
	public record Requirement(String key, String operator, List<String> values) {
	}

}
