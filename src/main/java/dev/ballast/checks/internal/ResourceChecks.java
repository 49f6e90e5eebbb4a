package dev.ballast.checks.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Severity;
import dev.ballast.checks.internal.WorkloadView.ContainerView;

import static dev.ballast.checks.Category.RESOURCES;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.INFO;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.CONTAINER;
import static dev.ballast.checks.internal.Define.def;

/**
 * Requests, limits, and a JVM's heap against its memory limit. A value a LimitRange of the
 * namespace fills in at admission, or a pod-level value, counts as set.
 */
final class ResourceChecks {

	private static final BigDecimal FAR_ABOVE = BigDecimal.valueOf(4);

	private static final double HEADROOM = 0.9;

	private ResourceChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		for (Missing row : Missing.values()) {
			checks.add(Define.container(def(row.id, RESOURCES, row.severity, CONTAINER,
					row.resource.equals("ephemeral-storage") ? Docs.EPHEMERAL : Docs.RESOURCES), Kinds.ALL, false,
					(workload, c) -> missing(workload, c, row)));
		}
		checks.add(Define.container(def("memory-request-not-limit", RESOURCES, WARNING, CONTAINER, Docs.MEMORY),
				Kinds.ALL, false, (workload, c) -> {
					Quantity request = Values.request(c.container(), "memory");
					Quantity limit = Values.limit(c.container(), "memory");
					return (request != null && limit != null && Values.amount(request).compareTo(Values.amount(limit)) != 0)
							? new Hit("resources.requests.memory", Values.text(request) + " (limit " + Values.text(limit) + ")")
							: null;
				}));
		checks.add(Define.container(def("limits-far-above-requests", RESOURCES, WARNING, CONTAINER, Docs.RESOURCES),
				Kinds.ALL, false, ResourceChecks::farAbove));
		checks.add(Define.container(def("jvm-heap-no-headroom", RESOURCES, DANGER, CONTAINER, Docs.MEMORY), Kinds.ALL,
				true, ResourceChecks::heapWithoutHeadroom));
		checks.add(Define.container(def("jvm-heap-unsized", RESOURCES, WARNING, CONTAINER, Docs.MEMORY), Kinds.ALL,
				true, (workload, c) -> {
					Jvm.Heap heap = Jvm.of(c.container());
					if (heap == null) {
						return null;
					}
					if (Values.limit(c.container(), "memory") == null
							&& !workload.index().limitRangeDefault(workload.namespace(), false, "memory")) {
						return new Hit("resources.limits.memory", "<unset>: the JVM sizes its heap from the node's memory");
					}
					return heap.sized() ? null : new Hit("env", "no -Xmx or -XX:MaxRAMPercentage: default heap is 25% of the limit");
				}));
		return checks;
	}

	private static @Nullable Hit missing(WorkloadView workload, ContainerView c, Missing row) {
		Quantity value = row.request ? Values.request(c.container(), row.resource)
				: Values.limit(c.container(), row.resource);
		if (value != null) {
			return null;
		}
		if (row.request && Values.limit(c.container(), row.resource) != null) {
			return null; // Kubernetes uses the limit as the request
		}
		V1ResourceRequirements pod = workload.spec().getResources();
		if (pod != null && ((row.request ? pod.getRequests() : pod.getLimits()) != null)
				&& (row.request ? pod.getRequests() : pod.getLimits()).containsKey(row.resource)) {
			return null;
		}
		if (workload.index().limitRangeDefault(workload.namespace(), row.request, row.resource)) {
			return null;
		}
		return Hit.unset("resources." + (row.request ? "requests." : "limits.") + row.resource);
	}

	private static @Nullable Hit farAbove(WorkloadView workload, ContainerView c) {
		for (String resource : new String[] { "cpu", "memory" }) {
			Quantity request = Values.request(c.container(), resource);
			Quantity limit = Values.limit(c.container(), resource);
			if (request != null && limit != null && Values.amount(request).signum() > 0
					&& Values.amount(limit).compareTo(Values.amount(request).multiply(FAR_ABOVE)) > 0) {
				return new Hit("resources.limits." + resource,
						Values.text(limit) + " (request " + Values.text(request) + ", more than 4×)");
			}
		}
		return null;
	}

	private static @Nullable Hit heapWithoutHeadroom(WorkloadView workload, ContainerView c) {
		Jvm.Heap heap = Jvm.of(c.container());
		Quantity limit = Values.limit(c.container(), "memory");
		if (heap == null || limit == null) {
			return null;
		}
		double limitBytes = Values.amount(limit).doubleValue();
		if (heap.maxHeapBytes() != null && heap.maxHeapBytes() >= HEADROOM * limitBytes) {
			return new Hit("resources.limits.memory", heap.setting() + " = "
					+ Math.round(100 * heap.maxHeapBytes() / limitBytes) + "% of the limit " + Values.text(limit));
		}
		if (heap.maxHeapBytes() == null && heap.maxRamPercentage() != null && heap.maxRamPercentage() >= 100 * HEADROOM) {
			return new Hit("env", heap.setting() + " of the limit " + Values.text(limit));
		}
		return null;
	}

	/** The requests and limits every container should set. */
	private enum Missing {

		CPU_REQUEST("cpu-request-missing", "cpu", true, WARNING),
		MEMORY_REQUEST("memory-request-missing", "memory", true, WARNING),
		CPU_LIMIT("cpu-limit-missing", "cpu", false, INFO),
		MEMORY_LIMIT("memory-limit-missing", "memory", false, WARNING),
		EPHEMERAL_STORAGE("ephemeral-storage-limit-missing", "ephemeral-storage", false, INFO);

		private final String id;

		private final String resource;

		private final boolean request;

		private final Severity severity;

		Missing(String id, String resource, boolean request, Severity severity) {
			this.id = id;
			this.resource = resource;
			this.request = request;
			this.severity = severity;
		}

	}

}
