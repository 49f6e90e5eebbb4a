package dev.ballast.isolation;

import java.util.List;

/**
 * RBAC of a snapshot: subjects with their effective permissions, and the risky ones.
 *
 * @param notes what could not be known
 */
public record RbacReport(List<String> notes) {

	static RbacReport of(dev.ballast.snapshot.ClusterSnapshot snapshot) {
		return new RbacReport(List.of());
	}

}
