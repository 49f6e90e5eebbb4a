package dev.ballast.snapshot.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Toleration;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Toleration;
import dev.ballast.snapshot.WorkloadRef;

/**
 * Reduces a pod to {@link PodFacts}: everything repeated is interned, the template is dropped.
 */
public final class PodReducer {

	private final Interner interner;

	public PodReducer(Interner interner) {
		this.interner = interner;
	}

	/**
	 * Reduces one pod.
	 * @param pod the pod
	 * @return its facts, owner not yet resolved beyond the direct controller
	 */
	public PodFacts reduce(V1Pod pod) {
		V1ObjectMeta metadata = (pod.getMetadata() != null) ? pod.getMetadata() : new V1ObjectMeta();
		V1PodSpec spec = (pod.getSpec() != null) ? pod.getSpec() : new V1PodSpec();
		V1PodStatus status = (pod.getStatus() != null) ? pod.getStatus() : new V1PodStatus();
		WorkloadRef controller = controller(metadata.getOwnerReferences(), this.interner);
		return new PodFacts(text(this.interner.string(metadata.getNamespace()), "default"),
				text(metadata.getName(), ""), controller, controller, this.interner.string(spec.getNodeName()),
				this.interner.string(status.getPhase()), podIps(status), Boolean.TRUE.equals(spec.getHostNetwork()),
				this.interner.map(metadata.getLabels()), PodResources.of(spec, false, this.interner),
				PodResources.of(spec, true, this.interner), tolerations(spec.getTolerations()), containers(status),
				conditions(status.getConditions()), ready(status.getConditions()),
				this.interner.string(spec.getPriorityClassName()), this.interner.string(status.getReason()),
				epochSecond(status.getStartTime()));
	}

	/**
	 * The controller among owner references (the one marked {@code controller: true}).
	 * @param owners owner references, possibly {@code null}
	 * @param interner shares the reference
	 * @return the controller or {@code null}
	 */
	public static @Nullable WorkloadRef controller(@Nullable List<V1OwnerReference> owners, Interner interner) {
		if (owners == null) {
			return null;
		}
		for (V1OwnerReference owner : owners) {
			if (owner != null && Boolean.TRUE.equals(owner.getController()) && owner.getKind() != null
					&& owner.getName() != null) {
				return interner.intern(new WorkloadRef(interner.intern(owner.getKind()), interner.intern(owner.getName())));
			}
		}
		return null;
	}

	/**
	 * The compact form of tolerations, shared.
	 * @param tolerations client-java tolerations, possibly {@code null}
	 * @return the shared list
	 */
	public List<Toleration> tolerations(@Nullable List<V1Toleration> tolerations) {
		if (tolerations == null || tolerations.isEmpty()) {
			return List.of();
		}
		List<Toleration> compact = new ArrayList<>(tolerations.size());
		for (V1Toleration toleration : tolerations) {
			if (toleration != null) {
				compact.add(new Toleration(this.interner.string(toleration.getKey()),
						this.interner.string(toleration.getOperator()), this.interner.string(toleration.getValue()),
						this.interner.string(toleration.getEffect()), toleration.getTolerationSeconds()));
			}
		}
		return this.interner.list(compact);
	}

	private List<String> podIps(V1PodStatus status) {
		List<V1PodIP> ips = status.getPodIPs();
		if (ips != null && !ips.isEmpty()) {
			List<String> list = new ArrayList<>(ips.size());
			for (V1PodIP ip : ips) {
				if (ip != null && ip.getIp() != null) {
					list.add(ip.getIp());
				}
			}
			return List.copyOf(list);
		}
		return (status.getPodIP() != null) ? List.of(status.getPodIP()) : List.of();
	}

	private List<PodFacts.Container> containers(V1PodStatus status) {
		List<PodFacts.Container> containers = new ArrayList<>();
		add(containers, status.getInitContainerStatuses(), true);
		add(containers, status.getContainerStatuses(), false);
		return this.interner.list(containers);
	}

	private void add(List<PodFacts.Container> containers, @Nullable List<V1ContainerStatus> statuses, boolean init) {
		if (statuses == null) {
			return;
		}
		for (V1ContainerStatus status : statuses) {
			if (status == null) {
				continue;
			}
			V1ContainerState state = status.getState();
			V1ContainerState last = status.getLastState();
			String waiting = (state != null && state.getWaiting() != null) ? state.getWaiting().getReason() : null;
			String terminated = (last != null && last.getTerminated() != null) ? last.getTerminated().getReason() : null;
			Integer exitCode = (last != null && last.getTerminated() != null) ? last.getTerminated().getExitCode() : null;
			containers.add(this.interner.intern(new PodFacts.Container(text(this.interner.string(status.getName()), ""),
					init, (status.getRestartCount() != null) ? status.getRestartCount() : 0,
					Boolean.TRUE.equals(status.getReady()), this.interner.string(waiting),
					this.interner.string(terminated), (exitCode != null) ? exitCode : 0)));
		}
	}

	private List<PodFacts.Condition> conditions(@Nullable List<V1PodCondition> conditions) {
		if (conditions == null || conditions.isEmpty()) {
			return List.of();
		}
		List<PodFacts.Condition> notTrue = new ArrayList<>();
		for (V1PodCondition condition : conditions) {
			if (condition != null && condition.getType() != null && !"True".equals(condition.getStatus())) {
				notTrue.add(new PodFacts.Condition(this.interner.intern(condition.getType()),
						text(this.interner.string(condition.getStatus()), "Unknown"),
						this.interner.string(condition.getReason()), this.interner.string(condition.getMessage())));
			}
		}
		return this.interner.list(notTrue);
	}

	private static boolean ready(@Nullable List<V1PodCondition> conditions) {
		if (conditions != null) {
			for (V1PodCondition condition : conditions) {
				if (condition != null && "Ready".equals(condition.getType())) {
					return "True".equals(condition.getStatus());
				}
			}
		}
		return false;
	}

	private static long epochSecond(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toEpochSecond() : Long.MIN_VALUE;
	}

	private static String text(@Nullable String value, String fallback) {
		return (value != null) ? value : fallback;
	}

}
