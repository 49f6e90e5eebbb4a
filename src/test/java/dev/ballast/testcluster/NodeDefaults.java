package dev.ballast.testcluster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1DaemonEndpoint;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeDaemonEndpoints;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;

/**
 * What a kubelet would report for a node, where the scenario's Node manifest leaves it out:
 * 4 CPU / 16 GiB / 110 pods, allocatable minus a GKE-like reservation, containerd (or docker
 * with annotation {@code sim.ballast.dev/runtime: docker}), an InternalIP from 10.128.0.0/16
 * (data only: nothing is ever sent there).
 */
final class NodeDefaults {

	static final String RUNTIME_ANNOTATION = "sim.ballast.dev/runtime";

	static final String CONTAINERD = "containerd://1.6.20";

	static final String DOCKER = "docker://20.10.24";

	private NodeDefaults() {
	}

	static Map<String, String> labels(String name) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("kubernetes.io/hostname", name);
		labels.put("kubernetes.io/os", "linux");
		labels.put("kubernetes.io/arch", "amd64");
		labels.put("beta.kubernetes.io/os", "linux");
		labels.put("beta.kubernetes.io/arch", "amd64");
		return labels;
	}

	/** The status to report: the manifest's status completed with defaults. */
	static V1NodeStatus status(String name, String runtime, String kubeletVersion, int index, V1NodeStatus given) {
		V1NodeStatus status = (given != null) ? given : new V1NodeStatus();
		Map<String, Quantity> capacity = new LinkedHashMap<>(Map.of("cpu", Quantity.fromString("4"), "memory",
				Quantity.fromString("16Gi"), "pods", Quantity.fromString("110"), "ephemeral-storage",
				Quantity.fromString("100Gi"), "hugepages-1Gi", Quantity.fromString("0"), "hugepages-2Mi",
				Quantity.fromString("0")));
		if (status.getCapacity() != null) {
			capacity.putAll(status.getCapacity());
		}
		status.setCapacity(capacity);
		Map<String, Quantity> allocatable = allocatable(capacity);
		if (status.getAllocatable() != null) {
			allocatable.putAll(status.getAllocatable());
		}
		status.setAllocatable(allocatable);
		status.setNodeInfo(nodeInfo(name, runtime, kubeletVersion, status.getNodeInfo()));
		if (status.getAddresses() == null || status.getAddresses().isEmpty()) {
			status.setAddresses(List.of(
					new V1NodeAddress().type("InternalIP").address("10.128." + (index / 250) + "." + (index % 250 + 2)),
					new V1NodeAddress().type("Hostname").address(name)));
		}
		status.setDaemonEndpoints(
				new V1NodeDaemonEndpoints().kubeletEndpoint(new V1DaemonEndpoint().port(10250)));
		status.setPhase(null);
		return status;
	}

	static List<V1NodeCondition> conditions(boolean ready, String notReadyMessage) {
		OffsetDateTime now = OffsetDateTime.now();
		List<V1NodeCondition> conditions = new ArrayList<>();
		conditions.add(condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
				"kubelet has sufficient memory available", now));
		conditions.add(condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure",
				now));
		conditions.add(condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
				now));
		conditions.add(ready ? condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now)
				: condition("Ready", "False", "KubeletNotReady", notReadyMessage, now));
		return conditions;
	}

	private static V1NodeCondition condition(String type, String status, String reason, String message,
			OffsetDateTime now) {
		return new V1NodeCondition().type(type)
			.status(status)
			.reason(reason)
			.message(message)
			.lastHeartbeatTime(now)
			.lastTransitionTime(now);
	}

	/** Capacity minus system/kube reserved and eviction threshold, roughly as GKE reserves. */
	private static Map<String, Quantity> allocatable(Map<String, Quantity> capacity) {
		Map<String, Quantity> allocatable = new LinkedHashMap<>(capacity);
		BigDecimal cpu = capacity.get("cpu").getNumber();
		BigDecimal reservedCpu = new BigDecimal("0.06").add(cpu.multiply(new BigDecimal("0.01")));
		allocatable.put("cpu", new Quantity(cpu.subtract(reservedCpu).max(BigDecimal.ZERO)
			.setScale(3, RoundingMode.DOWN), Quantity.Format.DECIMAL_SI));
		BigDecimal memory = capacity.get("memory").getNumber();
		BigDecimal mi = BigDecimal.valueOf(1024L * 1024);
		BigDecimal reservedMemory = memory.multiply(new BigDecimal("0.06")).add(mi.multiply(BigDecimal.valueOf(100)));
		allocatable.put("memory", new Quantity(memory.subtract(reservedMemory)
			.divide(mi, 0, RoundingMode.DOWN)
			.multiply(mi)
			.max(BigDecimal.ZERO), Quantity.Format.BINARY_SI));
		BigDecimal storage = capacity.get("ephemeral-storage").getNumber();
		allocatable.put("ephemeral-storage", new Quantity(storage.multiply(new BigDecimal("0.9"))
			.setScale(0, RoundingMode.DOWN), Quantity.Format.BINARY_SI));
		return allocatable;
	}

	private static V1NodeSystemInfo nodeInfo(String name, String runtime, String kubeletVersion,
			V1NodeSystemInfo given) {
		V1NodeSystemInfo info = (given != null) ? given : new V1NodeSystemInfo();
		String id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
		info.setArchitecture(or(info.getArchitecture(), "amd64"));
		info.setOperatingSystem(or(info.getOperatingSystem(), "linux"));
		info.setOsImage(or(info.getOsImage(), "Ubuntu 20.04.6 LTS"));
		info.setKernelVersion(or(info.getKernelVersion(), "5.15.0-1034-gke"));
		info.setContainerRuntimeVersion(or(info.getContainerRuntimeVersion(),
				"docker".equalsIgnoreCase(runtime) ? DOCKER : CONTAINERD));
		info.setKubeletVersion(or(info.getKubeletVersion(), kubeletVersion));
		info.setKubeProxyVersion(or(info.getKubeProxyVersion(), kubeletVersion));
		info.setMachineID(or(info.getMachineID(), id.replace("-", "")));
		info.setSystemUUID(or(info.getSystemUUID(), id));
		info.setBootID(or(info.getBootID(), UUID.nameUUIDFromBytes((name + "/boot").getBytes(StandardCharsets.UTF_8))
			.toString()));
		return info;
	}

	private static String or(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
