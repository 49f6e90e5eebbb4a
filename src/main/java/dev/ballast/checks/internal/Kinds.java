package dev.ballast.checks.internal;

import java.util.Set;

/**
 * Groups of workload kinds that rules apply to.
 */
public final class Kinds {

	/** Every workload kind. */
	public static final Set<String> ALL = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
			"CronJob", "Pod");

	/** Kinds whose pods run until replaced. */
	public static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod");

	/** Kinds with a replica count. */
	public static final Set<String> REPLICATED = Set.of("Deployment", "StatefulSet", "ReplicaSet");

	/** Kinds whose pods run to completion. */
	public static final Set<String> BATCH = Set.of("Job", "CronJob");

	private Kinds() {
	}

}
