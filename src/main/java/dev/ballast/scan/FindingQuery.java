package dev.ballast.scan;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which findings to read. Without a scan, the latest landed scan of the cluster (or of every
 * cluster) is read.
 *
 * @param cluster a cluster's name, or {@code null} for all
 * @param scanId a scan, or {@code null} for the latest
 * @param namespace only this namespace
 * @param name only subjects (workloads, objects) of this name
 * @param kind only subjects of this kind
 * @param checks only these checks; empty for all
 * @param severities only these severities ({@code danger}, {@code warning}, {@code info}); empty for all
 * @param state {@code failing} (counted, the default), {@code exempted}, {@code all}, {@code new}
 * (failing now, not in the previous scan) or {@code fixed} (failing in the previous scan, not now)
 */
public record FindingQuery(@Nullable String cluster, @Nullable Long scanId, @Nullable String namespace,
		@Nullable String name, @Nullable String kind, List<String> checks, List<String> severities, String state) {

	/** The states a query may ask for. */
	public static final List<String> STATES = List.of("failing", "exempted", "all", "new", "fixed");

	public FindingQuery {
		checks = List.copyOf(checks);
		severities = List.copyOf(severities);
	}

}
