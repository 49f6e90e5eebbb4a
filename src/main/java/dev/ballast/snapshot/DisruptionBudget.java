package dev.ballast.snapshot;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import org.jspecify.annotations.Nullable;

/**
 * A PodDisruptionBudget (policy/v1, or policy/v1beta1 where an empty selector selects nothing).
 *
 * @param namespace the namespace
 * @param name the name
 * @param apiVersion the API version it was read as
 * @param minAvailable {@code minAvailable}, number or percentage, as written
 * @param maxUnavailable {@code maxUnavailable}, number or percentage, as written
 * @param selector the pod selector
 * @param disruptionsAllowed from the status, if known
 * @param currentHealthy from the status, if known
 * @param expectedPods from the status, if known
 */
public record DisruptionBudget(String namespace, String name, String apiVersion, @Nullable String minAvailable,
		@Nullable String maxUnavailable, @Nullable V1LabelSelector selector, @Nullable Integer disruptionsAllowed,
		@Nullable Integer currentHealthy, @Nullable Integer expectedPods) {
}
