package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in catalogue, in the order the catalogue page and reports show it.
 */
public final class Builtins {

	private static final List<Check> CHECKS = load();

	private Builtins() {
	}

	public static List<Check> checks() {
		return CHECKS;
	}

	private static List<Check> load() {
		List<Check> checks = new ArrayList<>();
		checks.addAll(ReplicaChecks.all());
		checks.addAll(LifecycleChecks.all());
		checks.addAll(ControllerChecks.all());
		checks.addAll(ClusterChecks.all());
		checks.addAll(ResourceChecks.all());
		checks.addAll(SecurityChecks.all());
		checks.addAll(HostChecks.all());
		checks.addAll(RbacChecks.all());
		checks.addAll(SchedulingChecks.all());
		checks.addAll(NetworkChecks.all());
		checks.addAll(OperationsChecks.all());
		Set<String> ids = new HashSet<>();
		for (Check check : checks) {
			String id = check.definition().id();
			if (!ids.add(id) || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
				throw new IllegalStateException("Duplicate or malformed check id: " + id);
			}
		}
		return List.copyOf(checks);
	}

}
