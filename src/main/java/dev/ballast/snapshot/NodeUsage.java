package dev.ballast.snapshot;

/**
 * A node's usage from metrics.k8s.io.
 *
 * @param node the node name
 * @param cpuMillis CPU in millicores
 * @param memoryBytes memory (working set) in bytes
 */
public record NodeUsage(String node, long cpuMillis, long memoryBytes) {
}
