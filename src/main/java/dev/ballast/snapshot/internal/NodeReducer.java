package dev.ballast.snapshot.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Taint;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.Namespace;
import dev.ballast.snapshot.Taint;

/**
 * Reduces nodes (without their image lists) and namespaces.
 */
public final class NodeReducer {

	private final Interner interner;

	public NodeReducer(Interner interner) {
		this.interner = interner;
	}

	public ClusterNode node(V1Node node) {
		V1ObjectMeta metadata = (node.getMetadata() != null) ? node.getMetadata() : new V1ObjectMeta();
		V1NodeSpec spec = (node.getSpec() != null) ? node.getSpec() : new V1NodeSpec();
		V1NodeStatus status = (node.getStatus() != null) ? node.getStatus() : new V1NodeStatus();
		return new ClusterNode(String.valueOf(metadata.getName()), this.interner.map(metadata.getLabels()),
				this.interner.map(metadata.getAnnotations()), taints(spec.getTaints()),
				Quantities.resources(status.getCapacity(), this.interner),
				Quantities.resources(status.getAllocatable(), this.interner), conditions(status.getConditions()),
				podCidrs(spec), system(status.getNodeInfo()), Boolean.TRUE.equals(spec.getUnschedulable()),
				addresses(status.getAddresses()), spec.getProviderID(), instant(metadata.getCreationTimestamp()));
	}

	public Namespace namespace(V1Namespace namespace) {
		V1ObjectMeta metadata = (namespace.getMetadata() != null) ? namespace.getMetadata() : new V1ObjectMeta();
		String phase = (namespace.getStatus() != null) ? namespace.getStatus().getPhase() : null;
		return new Namespace(this.interner.intern(String.valueOf(metadata.getName())),
				this.interner.map(metadata.getLabels()), this.interner.map(metadata.getAnnotations()),
				this.interner.string(phase), instant(metadata.getCreationTimestamp()));
	}

	static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private List<Taint> taints(@Nullable List<V1Taint> taints) {
		if (taints == null || taints.isEmpty()) {
			return List.of();
		}
		List<Taint> list = new ArrayList<>();
		for (V1Taint taint : taints) {
			if (taint != null && taint.getKey() != null) {
				list.add(new Taint(this.interner.intern(taint.getKey()), this.interner.string(taint.getValue()),
						String.valueOf(this.interner.string(taint.getEffect()))));
			}
		}
		return this.interner.list(list);
	}

	private List<ClusterNode.Condition> conditions(@Nullable List<V1NodeCondition> conditions) {
		if (conditions == null || conditions.isEmpty()) {
			return List.of();
		}
		List<ClusterNode.Condition> list = new ArrayList<>();
		for (V1NodeCondition condition : conditions) {
			if (condition != null && condition.getType() != null) {
				list.add(this.interner.intern(new ClusterNode.Condition(this.interner.intern(condition.getType()),
						String.valueOf(this.interner.string(condition.getStatus())),
						this.interner.string(condition.getReason()), this.interner.string(condition.getMessage()))));
			}
		}
		return List.copyOf(list);
	}

	private static List<String> podCidrs(V1NodeSpec spec) {
		if (spec.getPodCIDRs() != null && !spec.getPodCIDRs().isEmpty()) {
			return spec.getPodCIDRs().stream().filter((cidr) -> cidr != null).toList();
		}
		return (spec.getPodCIDR() != null) ? List.of(spec.getPodCIDR()) : List.of();
	}

	private ClusterNode.System system(@Nullable V1NodeSystemInfo info) {
		if (info == null) {
			return ClusterNode.System.UNKNOWN;
		}
		return this.interner.intern(new ClusterNode.System(this.interner.string(info.getContainerRuntimeVersion()),
				this.interner.string(info.getKubeletVersion()), this.interner.string(info.getKubeProxyVersion()),
				this.interner.string(info.getOsImage()), this.interner.string(info.getKernelVersion()),
				this.interner.string(info.getOperatingSystem()), this.interner.string(info.getArchitecture())));
	}

	private static List<ClusterNode.Address> addresses(@Nullable List<V1NodeAddress> addresses) {
		if (addresses == null || addresses.isEmpty()) {
			return List.of();
		}
		List<ClusterNode.Address> list = new ArrayList<>();
		for (V1NodeAddress address : addresses) {
			if (address != null && address.getType() != null && address.getAddress() != null) {
				list.add(new ClusterNode.Address(address.getType(), address.getAddress()));
			}
		}
		return List.copyOf(list);
	}

}
