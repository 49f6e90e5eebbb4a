package dev.ballast.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A node, without its image list and volume status.
 *
 * @param name the node name
 * @param labels labels (pools, zones, instance types)
 * @param annotations annotations
 * @param taints taints
 * @param capacity what the machine has
 * @param allocatable what pods may request
 * @param conditions conditions (Ready, MemoryPressure, DiskPressure, PIDPressure, ...)
 * @param podCidrs pod CIDR blocks assigned to the node ({@code spec.podCIDRs}, else
 * {@code spec.podCIDR})
 * @param system versions and platform from {@code status.nodeInfo}
 * @param unschedulable cordoned
 * @param addresses addresses (InternalIP, ExternalIP, Hostname)
 * @param providerId the cloud provider's id, if any
 * @param createdAt creation time, if known
 */
public record ClusterNode(String name, Map<String, String> labels, Map<String, String> annotations, List<Taint> taints,
		Resources capacity, Resources allocatable, List<Condition> conditions, List<String> podCidrs, System system,
		boolean unschedulable, List<Address> addresses, @Nullable String providerId, @Nullable Instant createdAt) {

	/**
	 * The condition of a type, if reported.
	 * @param type e.g. {@code Ready}
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
	 * Whether the node reports {@code Ready=True}.
	 * @return {@code true} if ready
	 */
	public boolean ready() {
		Condition ready = condition("Ready");
		return ready != null && "True".equals(ready.status());
	}

	/**
	 * A node condition.
	 *
	 * @param type the type
	 * @param status {@code True}, {@code False} or {@code Unknown}
	 * @param reason the reason, if any
	 * @param message the message, if any
	 */
	public record Condition(String type, String status, @Nullable String reason, @Nullable String message) {
	}

	/**
	 * A node address.
	 *
	 * @param type {@code InternalIP}, {@code ExternalIP}, {@code Hostname}, ...
	 * @param address the address
	 */
	public record Address(String type, String address) {
	}

	/**
	 * What {@code status.nodeInfo} says about a node.
	 *
	 * @param containerRuntimeVersion e.g. {@code containerd://1.7.2} or {@code docker://20.10.23}
	 * @param kubeletVersion e.g. {@code v1.28.3}
	 * @param kubeProxyVersion the kube-proxy version reported by the kubelet, if any
	 * @param osImage e.g. {@code Ubuntu 22.04.3 LTS}
	 * @param kernelVersion the kernel
	 * @param operatingSystem e.g. {@code linux}
	 * @param architecture e.g. {@code amd64}
	 */
	public record System(@Nullable String containerRuntimeVersion, @Nullable String kubeletVersion,
			@Nullable String kubeProxyVersion, @Nullable String osImage, @Nullable String kernelVersion,
			@Nullable String operatingSystem, @Nullable String architecture) {

		/** Nothing known. */
		public static final System UNKNOWN = new System(null, null, null, null, null, null, null);

	}

}
