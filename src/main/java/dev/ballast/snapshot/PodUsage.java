package dev.ballast.snapshot;

/**
 * A pod's usage from metrics.k8s.io, summed over its containers.
 *
 * @param namespace the namespace
 * @param pod the pod name
 * @param cpuMillis CPU in millicores
 * @param memoryBytes memory (working set) in bytes
 */
public record PodUsage(String namespace, String pod, long cpuMillis, long memoryBytes) {
}
