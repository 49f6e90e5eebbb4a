package dev.ballast.snapshot.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Resources;

/**
 * A pod's effective requests or limits, as the scheduler and the kubelet compute them: the larger
 * of the sum over app containers plus sidecars (init containers with {@code restartPolicy:
 * Always}) and, for each plain init container, its own amount plus the sidecars started before it;
 * plus pod overhead; pod-level {@code spec.resources} win where set. For limits, a CPU or memory
 * limit missing from any container makes the pod's limit {@link Resources#UNBOUNDED}.
 */
final class PodResources {

	private PodResources() {
	}

	static Resources of(V1PodSpec spec, boolean limits, Interner interner) {
		Map<String, Long> running = new HashMap<>();
		Map<String, Long> sidecars = new HashMap<>();
		Map<String, Long> initPeak = new HashMap<>();
		for (V1Container init : list(spec.getInitContainers())) {
			Map<String, Long> amounts = amounts(init, limits);
			if ("Always".equals(init.getRestartPolicy())) {
				addAll(sidecars, amounts);
			}
			else {
				Map<String, Long> during = new HashMap<>(sidecars);
				addAll(during, amounts);
				maxAll(initPeak, during);
			}
		}
		for (V1Container container : list(spec.getContainers())) {
			addAll(running, amounts(container, limits));
		}
		addAll(running, sidecars);
		maxAll(running, initPeak);
		Map<String, Quantity> overhead = spec.getOverhead();
		if (overhead != null && !overhead.isEmpty()) {
			addAll(running, Quantities.amounts(overhead));
		}
		V1ResourceRequirements podLevel = spec.getResources();
		if (podLevel != null) {
			running.putAll(Quantities.amounts(limits ? podLevel.getLimits() : podLevel.getRequests()));
		}
		return Quantities.fromAmounts(running, interner);
	}

	private static Map<String, Long> amounts(V1Container container, boolean limits) {
		V1ResourceRequirements resources = container.getResources();
		Map<String, Quantity> quantities = (resources == null) ? null
				: (limits ? resources.getLimits() : resources.getRequests());
		Map<String, Long> amounts = new HashMap<>(Quantities.amounts(quantities));
		if (limits) {
			amounts.putIfAbsent("cpu", Resources.UNBOUNDED);
			amounts.putIfAbsent("memory", Resources.UNBOUNDED);
		}
		return amounts;
	}

	private static void addAll(Map<String, Long> total, Map<String, Long> amounts) {
		amounts.forEach((resource, amount) -> total.merge(resource, amount, PodResources::add));
	}

	private static void maxAll(Map<String, Long> total, Map<String, Long> amounts) {
		amounts.forEach((resource, amount) -> total.merge(resource, amount, PodResources::max));
	}

	private static long add(long a, long b) {
		if (a == Resources.UNBOUNDED || b == Resources.UNBOUNDED) {
			return Resources.UNBOUNDED;
		}
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	private static long max(long a, long b) {
		if (a == Resources.UNBOUNDED || b == Resources.UNBOUNDED) {
			return Resources.UNBOUNDED;
		}
		return Math.max(a, b);
	}

	private static <T> List<T> list(@Nullable List<T> list) {
		return (list != null) ? list : List.of();
	}

}
