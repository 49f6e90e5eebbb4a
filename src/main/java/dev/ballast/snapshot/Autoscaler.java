package dev.ballast.snapshot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A HorizontalPodAutoscaler (autoscaling/v2, v2beta2, v2beta1 or v1).
 *
 * @param namespace the namespace
 * @param name the name
 * @param apiVersion the API version it was read as
 * @param target the scaled workload
 * @param minReplicas {@code minReplicas} as written ({@code null}: Kubernetes uses 1)
 * @param maxReplicas {@code maxReplicas}
 * @param metrics the metrics it scales on, e.g. {@code Resource cpu Utilization 70}
 * @param currentReplicas from the status, if known
 * @param desiredReplicas from the status, if known
 */
public record Autoscaler(String namespace, String name, String apiVersion, @Nullable WorkloadRef target,
		@Nullable Integer minReplicas, int maxReplicas, List<String> metrics, @Nullable Integer currentReplicas,
		@Nullable Integer desiredReplicas) {
}
