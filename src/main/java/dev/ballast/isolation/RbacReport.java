package dev.ballast.isolation;

import java.util.List;
import java.util.Map;

import dev.ballast.snapshot.ClusterSnapshot;

/**
 * RBAC of a snapshot: the roles with their effective (aggregated) rules, every subject a binding
 * names with what it is granted, and the risky rights found. The group {@code system:masters} is
 * not listed: Kubernetes grants it everything without any binding.
 *
 * @param notes message keys of what the analysis could not know
 * @param missingKinds the RBAC kinds the snapshot could not read (its answers are then incomplete)
 * @param serviceAccounts how many ServiceAccounts the snapshot holds
 * @param roles the roles bindings refer to, by {@link RbacRole#key}
 * @param subjects the subjects, in order of kind, namespace and name
 * @param findings the risky rights, one per subject, risk and binding
 */
public record RbacReport(List<String> notes, List<String> missingKinds, int serviceAccounts, Map<String, RbacRole> roles,
		List<RbacSubject> subjects, List<RbacFinding> findings) {

	static RbacReport of(ClusterSnapshot snapshot) {
		return RbacResolver.resolve(snapshot, RbacAccounts.DEFAULT);
	}

}
