package dev.ballast.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a snapshot came from and what was left out of it.
 *
 * @param clusterName the registered cluster's name
 * @param origin live API server or manifest files
 * @param takenAt when the snapshot was taken (for manifests: when they were read)
 * @param serverVersion the API server's git version (e.g. {@code v1.29.3}) if known
 * @param warnings problems that did not stop the snapshot (skipped documents, ignored fields)
 * @param secretsDropped number of Secrets that were seen and dropped unread
 * @param otherKinds objects of kinds the model does not hold (custom resources and the like), by
 * {@code Kind} or {@code Kind.group}, in name order
 */
public record SnapshotSource(String clusterName, Origin origin, Instant takenAt, @Nullable String serverVersion,
		List<String> warnings, int secretsDropped, Map<String, Integer> otherKinds) {

	public SnapshotSource {
		warnings = List.copyOf(warnings);
		otherKinds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(otherKinds));
	}

	/** How the objects were obtained. */
	public enum Origin {

		/** Listed from a cluster's API server. */
		LIVE,
		/** Read from manifest files (YAML, JSON, archives, kubectl dumps). */
		MANIFESTS

	}

}
