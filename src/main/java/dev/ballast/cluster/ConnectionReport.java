package dev.ballast.cluster;

import java.time.Duration;

/**
 * What "Test connection" shows.
 *
 * @param serverVersion the API server's git version, e.g. {@code v1.28.3}
 * @param nodes how many nodes the credential can see
 * @param latency round trip of the version call, a fair measure of reachability
 * @param verdict the read-only self-check
 */
public record ConnectionReport(String serverVersion, int nodes, Duration latency, ReadOnlyVerdict verdict) {
}
