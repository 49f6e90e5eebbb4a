package dev.ballast.testcluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;

/**
 * The status a kubelet reports for a started pod, shaped by the pod's {@code sim.ballast.dev/*}
 * annotations (set them in a pod template):
 * <ul>
 * <li>{@code sim.ballast.dev/restarts: "5"}: restartCount of the containers;</li>
 * <li>{@code sim.ballast.dev/last-termination: OOMKilled}: lastState.terminated.reason (exit code
 * 137 for OOMKilled, 0 for Completed, 1 otherwise);</li>
 * <li>{@code sim.ballast.dev/waiting: CrashLoopBackOff}: the container waits with that reason
 * instead of running (not ready);</li>
 * <li>{@code sim.ballast.dev/ready: "false"}: running but not ready (a failing readiness probe);</li>
 * <li>{@code sim.ballast.dev/container: app}: the annotations above apply to these containers only
 * (comma-separated names), otherwise to all.</li>
 * </ul>
 */
final class PodStatuses {

	static final String RESTARTS = "sim.ballast.dev/restarts";

	static final String LAST_TERMINATION = "sim.ballast.dev/last-termination";

	static final String WAITING = "sim.ballast.dev/waiting";

	static final String READY = "sim.ballast.dev/ready";

	static final String CONTAINER = "sim.ballast.dev/container";

	private PodStatuses() {
	}

	/** Running status for {@code pod} on a node with {@code hostIp} and container {@code runtime}. */
	static V1PodStatus running(V1Pod pod, String hostIp, String podIp, String runtime) {
		Map<String, String> annotations = (pod.getMetadata().getAnnotations() != null)
				? pod.getMetadata().getAnnotations() : Map.of();
		OffsetDateTime now = OffsetDateTime.now();
		String scheme = runtime.startsWith("docker") ? "docker" : "containerd";
		List<V1ContainerStatus> containers = new ArrayList<>();
		boolean allReady = true;
		for (V1Container container : pod.getSpec().getContainers()) {
			V1ContainerStatus status = container(pod, container, scheme, now);
			boolean selected = selected(annotations, container.getName());
			int restarts = selected ? Integer.parseInt(annotations.getOrDefault(RESTARTS, "0")) : 0;
			String waiting = selected ? annotations.get(WAITING) : null;
			String lastTermination = selected ? annotations.get(LAST_TERMINATION) : null;
			boolean ready = waiting == null && !(selected && "false".equalsIgnoreCase(annotations.get(READY)));
			status.restartCount(restarts).ready(ready).started(waiting == null);
			status.state((waiting != null)
					? new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(waiting)
						.message("back-off 5m0s restarting failed container=" + container.getName()))
					: new V1ContainerState().running(new V1ContainerStateRunning().startedAt(now)));
			if (lastTermination != null) {
				status.lastState(new V1ContainerState().terminated(new V1ContainerStateTerminated()
					.reason(lastTermination)
					.exitCode(exitCode(lastTermination))
					.startedAt(now.minusHours(1))
					.finishedAt(now.minusMinutes(5))
					.containerID(status.getContainerID())));
			}
			allReady &= ready;
			containers.add(status);
		}
		List<V1ContainerStatus> initContainers = new ArrayList<>();
		if (pod.getSpec().getInitContainers() != null) {
			for (V1Container container : pod.getSpec().getInitContainers()) {
				initContainers.add(container(pod, container, scheme, now).ready(true)
					.restartCount(0)
					.state(new V1ContainerState().terminated(new V1ContainerStateTerminated().reason("Completed")
						.exitCode(0)
						.startedAt(now)
						.finishedAt(now))));
			}
		}
		V1PodStatus status = pod.getStatus();
		String ready = allReady ? "True" : "False";
		return status.phase("Running")
			.hostIP(hostIp)
			.podIP(podIp)
			.podIPs(List.of(new V1PodIP().ip(podIp)))
			.startTime(now)
			.conditions(List.of(condition("Initialized", "True", now), condition("Ready", ready, now),
					condition("ContainersReady", ready, now), condition("PodScheduled", "True", now)))
			.containerStatuses(containers)
			.initContainerStatuses(initContainers.isEmpty() ? null : initContainers);
	}

	private static V1ContainerStatus container(V1Pod pod, V1Container container, String scheme,
			OffsetDateTime now) {
		String image = container.getImage();
		String repository = image.contains("@") ? image.substring(0, image.indexOf('@'))
				: image.replaceFirst(":[^:/]+$", "");
		String digest = "sha256:" + sha256(image);
		return new V1ContainerStatus().name(container.getName())
			.image(image)
			.imageID(("docker".equals(scheme) ? "docker-pullable://" : "") + repository + "@" + digest)
			.containerID(scheme + "://" + sha256(pod.getMetadata().getUid() + "/" + container.getName()));
	}

	private static boolean selected(Map<String, String> annotations, String container) {
		String only = annotations.get(CONTAINER);
		return only == null || Arrays.stream(only.split(",")).map(String::trim).anyMatch(container::equals);
	}

	private static int exitCode(String reason) {
		return switch (reason) {
			case "OOMKilled" -> 137;
			case "Completed" -> 0;
			default -> 1;
		};
	}

	private static V1PodCondition condition(String type, String status, OffsetDateTime now) {
		return new V1PodCondition().type(type).status(status).lastTransitionTime(now);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
