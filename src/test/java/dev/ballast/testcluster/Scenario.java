package dev.ballast.testcluster;

import java.util.List;
import java.util.Set;

/**
 * A scenario loaded into the control plane by {@link ScenarioLoader}.
 *
 * @param name the folder name under {@code cluster-scenarios/}
 * @param namespaces the namespaces its manifests created or used
 * @param nodes the simulated nodes it registered
 * @param notReady those of its nodes left NotReady because they got no podCIDR
 * @param running pods of its namespaces that the simulated kubelet runs
 * @param unschedulable pods ({@code namespace/name}) the scheduler could not place
 */
public record Scenario(String name, Set<String> namespaces, List<String> nodes, List<String> notReady,
		int running, List<String> unschedulable) {

	public Scenario {
		namespaces = Set.copyOf(namespaces);
		nodes = List.copyOf(nodes);
		notReady = List.copyOf(notReady);
		unschedulable = List.copyOf(unschedulable);
	}

}
