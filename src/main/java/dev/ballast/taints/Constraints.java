package dev.ballast.taints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Toleration;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Taint;
import dev.ballast.snapshot.Toleration;
import dev.ballast.snapshot.Workload;

/**
 * A workload's scheduling constraints as the scheduler sees its pods: the template's tolerations
 * plus those Kubernetes adds, the node selector and the required node affinity.
 * <ul>
 * <li>DefaultTolerationSeconds admission: {@code node.kubernetes.io/not-ready} and
 * {@code node.kubernetes.io/unreachable}, NoExecute, 300 s, unless already tolerated.</li>
 * <li>DaemonSet controller: not-ready and unreachable (NoExecute, no time limit), disk-pressure,
 * memory-pressure, pid-pressure and unschedulable (NoSchedule), network-unavailable (NoSchedule)
 * for host-network pods.</li>
 * <li>ExtendedResourceToleration admission (only where the plugin is enabled, an assumption):
 * {@code <resource>} Exists NoSchedule for each extended resource a container requests.</li>
 * </ul>
 *
 * @param tolerations the template's tolerations
 * @param added the tolerations Kubernetes adds
 * @param nodeSelector {@code spec.nodeSelector}
 * @param terms the required node affinity's terms, {@code null} without one
 * @param extended extended resources requested (e.g. {@code nvidia.com/gpu})
 */
record Constraints(List<Toleration> tolerations, List<Toleration> added, Map<String, String> nodeSelector,
		@Nullable List<V1NodeSelectorTerm> terms, List<String> extended) {

	static final String NOT_READY = "node.kubernetes.io/not-ready";

	static final String UNREACHABLE = "node.kubernetes.io/unreachable";

	private static final long DEFAULT_SECONDS = 300;

	static Constraints of(Workload workload) {
		V1PodSpec spec = workload.template().getSpec();
		if (spec == null) {
			spec = new V1PodSpec();
		}
		List<Toleration> own = new ArrayList<>();
		for (V1Toleration toleration : nullSafe(spec.getTolerations())) {
			if (toleration != null) {
				own.add(new Toleration(toleration.getKey(), toleration.getOperator(), toleration.getValue(),
						toleration.getEffect(), toleration.getTolerationSeconds()));
			}
		}
		List<String> extended = extended(spec);
		List<Toleration> added = new ArrayList<>();
		if ("DaemonSet".equals(workload.kind())) {
			addUnlessTolerated(own, added, NOT_READY, "NoExecute", null);
			addUnlessTolerated(own, added, UNREACHABLE, "NoExecute", null);
			for (String condition : List.of("disk-pressure", "memory-pressure", "pid-pressure", "unschedulable")) {
				addUnlessTolerated(own, added, "node.kubernetes.io/" + condition, "NoSchedule", null);
			}
			if (Boolean.TRUE.equals(spec.getHostNetwork())) {
				addUnlessTolerated(own, added, "node.kubernetes.io/network-unavailable", "NoSchedule", null);
			}
		}
		else {
			addUnlessTolerated(own, added, NOT_READY, "NoExecute", DEFAULT_SECONDS);
			addUnlessTolerated(own, added, UNREACHABLE, "NoExecute", DEFAULT_SECONDS);
		}
		for (String resource : extended) {
			addUnlessTolerated(own, added, resource, "NoSchedule", null);
		}
		Map<String, String> selector = (spec.getNodeSelector() != null) ? spec.getNodeSelector() : Map.of();
		List<V1NodeSelectorTerm> terms = null;
		if (spec.getAffinity() != null && spec.getAffinity().getNodeAffinity() != null) {
			V1NodeSelector required = spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
			if (required != null) {
				terms = nullSafe(required.getNodeSelectorTerms());
			}
		}
		return new Constraints(List.copyOf(own), List.copyOf(added), Map.copyOf(selector), terms, extended);
	}

	/**
	 * Every toleration the pods carry.
	 * @return the template's and the added ones
	 */
	List<Toleration> all() {
		List<Toleration> all = new ArrayList<>(this.tolerations);
		all.addAll(this.added);
		return all;
	}

	boolean tolerates(Taint taint) {
		for (Toleration toleration : this.tolerations) {
			if (toleration.tolerates(taint)) {
				return true;
			}
		}
		for (Toleration toleration : this.added) {
			if (toleration.tolerates(taint)) {
				return true;
			}
		}
		return false;
	}

	boolean toleratesEverything() {
		return this.tolerations.stream().anyMatch(Toleration::toleratesEverything);
	}

	/**
	 * Whether the pods must run on chosen nodes only.
	 * @return {@code true} with a node selector or required node affinity
	 */
	boolean selective() {
		return !this.nodeSelector.isEmpty() || this.terms != null;
	}

	/**
	 * The key that makes workloads with equal constraints share a profile.
	 * @return a text that differs when the constraints differ
	 */
	String key() {
		return this.tolerations + "|" + this.added + "|" + new java.util.TreeMap<>(this.nodeSelector) + "|"
				+ NodeMatch.describe(this.terms);
	}

	/**
	 * A toleration as text: {@code key=value:Effect}, {@code key:Effect} for Exists, {@code *} for
	 * every key, with the time limit.
	 * @param toleration the toleration
	 * @return the text
	 */
	static String text(Toleration toleration) {
		StringBuilder text = new StringBuilder();
		boolean exists = "Exists".equals(toleration.operator());
		text.append((toleration.key() == null || toleration.key().isEmpty()) ? "*" : toleration.key());
		if (!exists) {
			text.append('=').append((toleration.value() != null) ? toleration.value() : "");
		}
		text.append(':').append((toleration.effect() == null || toleration.effect().isEmpty()) ? "*" : toleration.effect());
		if (toleration.seconds() != null) {
			text.append(" (").append(toleration.seconds()).append("s)");
		}
		return text.toString();
	}

	/**
	 * Whether a resource name is an extended resource: a domain-prefixed name outside
	 * {@code kubernetes.io}, as Kubernetes' {@code IsExtendedResourceName} says.
	 * @param name the resource name
	 * @return {@code true} for e.g. {@code nvidia.com/gpu}
	 */
	static boolean isExtended(String name) {
		int slash = name.indexOf('/');
		if (slash <= 0 || name.startsWith("requests.")) {
			return false;
		}
		String domain = name.substring(0, slash);
		return !domain.equals("kubernetes.io") && !domain.endsWith(".kubernetes.io");
	}

	private static List<String> extended(V1PodSpec spec) {
		TreeSet<String> names = new TreeSet<>();
		List<V1Container> containers = new ArrayList<>(nullSafe(spec.getContainers()));
		containers.addAll(nullSafe(spec.getInitContainers()));
		for (V1Container container : containers) {
			if (container == null || container.getResources() == null) {
				continue;
			}
			// an extended resource's request defaults to its limit, so either counts
			addPositive(names, container.getResources().getRequests());
			addPositive(names, container.getResources().getLimits());
		}
		return List.copyOf(names);
	}

	private static void addPositive(TreeSet<String> names, @Nullable Map<String, Quantity> amounts) {
		if (amounts == null) {
			return;
		}
		for (Map.Entry<String, Quantity> entry : amounts.entrySet()) {
			Quantity amount = entry.getValue();
			if (isExtended(entry.getKey()) && amount != null && amount.getNumber() != null
					&& amount.getNumber().signum() > 0) {
				names.add(entry.getKey());
			}
		}
	}

	private static void addUnlessTolerated(List<Toleration> own, List<Toleration> added, String key, String effect,
			@Nullable Long seconds) {
		Taint taint = new Taint(key, null, effect);
		for (Toleration toleration : own) {
			if (toleration.tolerates(taint)) {
				return;
			}
		}
		added.add(new Toleration(key, "Exists", null, effect, seconds));
	}

	private static <T> List<T> nullSafe(@Nullable List<T> list) {
		return (list != null) ? list : List.of();
	}

}
