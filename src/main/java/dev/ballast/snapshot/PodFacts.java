package dev.ballast.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What Ballast keeps of a pod: compact facts, no template. Strings that repeat across pods
 * (namespace, node, owner, phase, labels, tolerations) are shared instances, amounts are
 * primitive longs, so 150,000 pods fit a small heap.
 *
 * @param namespace the namespace
 * @param name the pod name
 * @param owner the top controller: a ReplicaSet's Deployment and a Job's CronJob when the
 * ReplicaSet or Job is known, otherwise the direct controller; {@code null} for a bare pod
 * @param controller the direct controller (e.g. the ReplicaSet); {@code null} for a bare pod
 * @param nodeName the node it is bound to, if scheduled
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed} or
 * {@code Unknown}; {@code null} if no status was given
 * @param podIps the pod's IPs (dual-stack pods have two)
 * @param hostNetwork whether it uses the node's network (and so takes no pod IP)
 * @param labels the pod's labels
 * @param requests what the scheduler reserves for it: the larger of the sum over app containers
 * (and sidecars) and the largest init container, plus pod overhead; pod-level resources win
 * @param limits the same for limits; {@link Resources#UNBOUNDED} where a container sets no limit
 * @param tolerations tolerations
 * @param containers per-container status: restarts and last termination
 * @param conditions conditions whose status is not {@code True} (e.g. {@code PodScheduled=False},
 * reason {@code Unschedulable})
 * @param ready whether the pod reports {@code Ready=True}
 * @param priorityClassName the priority class, if any
 * @param reason {@code status.reason}, e.g. {@code Evicted}
 * @param startedAtEpochSecond {@code status.startTime} in epoch seconds, {@link Long#MIN_VALUE}
 * when unknown; see {@link #startedAt()}
 */
public record PodFacts(String namespace, String name, @Nullable WorkloadRef owner, @Nullable WorkloadRef controller,
		@Nullable String nodeName, @Nullable String phase, List<String> podIps, boolean hostNetwork,
		Map<String, String> labels, Resources requests, Resources limits, List<Toleration> tolerations,
		List<Container> containers, List<Condition> conditions, boolean ready, @Nullable String priorityClassName,
		@Nullable String reason, long startedAtEpochSecond) {

	/**
	 * When the kubelet started the pod.
	 * @return the start time or {@code null}
	 */
	public @Nullable Instant startedAt() {
		return (this.startedAtEpochSecond != Long.MIN_VALUE) ? Instant.ofEpochSecond(this.startedAtEpochSecond) : null;
	}

	/**
	 * The sum of restarts over all containers.
	 * @return restarts
	 */
	public int restarts() {
		int restarts = 0;
		for (Container container : this.containers) {
			restarts += container.restarts();
		}
		return restarts;
	}

	/**
	 * The condition of a type if its status is not {@code True}.
	 * @param type e.g. {@code PodScheduled}
	 * @return the condition or {@code null}
	 */
	public @Nullable Condition condition(String type) {
		for (Condition condition : this.conditions) {
			if (condition.type().equals(type)) {
				return condition;
			}
		}
		return null;
	}

	/**
	 * The same facts with another top owner.
	 * @param owner the resolved owner
	 * @return the new facts
	 */
	public PodFacts withOwner(@Nullable WorkloadRef owner) {
		return new PodFacts(this.namespace, this.name, owner, this.controller, this.nodeName, this.phase, this.podIps,
				this.hostNetwork, this.labels, this.requests, this.limits, this.tolerations, this.containers,
				this.conditions, this.ready, this.priorityClassName, this.reason, this.startedAtEpochSecond);
	}

	/**
	 * The status of one container.
	 *
	 * @param name the container name
	 * @param init whether it is an init (or sidecar) container
	 * @param restarts the restart count
	 * @param ready whether it is ready
	 * @param waitingReason why it is waiting, e.g. {@code CrashLoopBackOff}
	 * @param lastTerminationReason why it last terminated, e.g. {@code OOMKilled}
	 * @param lastExitCode the exit code of the last termination, {@code 0} if none
	 */
	public record Container(String name, boolean init, int restarts, boolean ready, @Nullable String waitingReason,
			@Nullable String lastTerminationReason, int lastExitCode) {
	}

	/**
	 * A pod condition that is not {@code True}.
	 *
	 * @param type e.g. {@code PodScheduled}
	 * @param status {@code False} or {@code Unknown}
	 * @param reason e.g. {@code Unschedulable}
	 * @param message e.g. {@code 0/5 nodes are available: 5 Insufficient cpu.}
	 */
	public record Condition(String type, String status, @Nullable String reason, @Nullable String message) {
	}

}
