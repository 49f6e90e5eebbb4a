package dev.ballast.snapshot;

/**
 * How many endpoints back a Service, from its EndpointSlices (or, when there are none, its
 * Endpoints object).
 *
 * @param namespace the namespace
 * @param service the Service name
 * @param ready ready endpoint addresses
 * @param notReady addresses that are not ready
 */
public record EndpointCount(String namespace, String service, int ready, int notReady) {
}
