package dev.ballast.isolation;

import java.util.List;

/**
 * The result of {@link IsolationAnalysis}, stored with each scan as JSON: the network side
 * (namespace posture, NetworkPolicy reachability, DNS notes) and the RBAC side.
 *
 * @param notes what the analysis could not know
 * @param network namespace posture and reachability
 * @param rbac subjects, their effective permissions and risks
 */
public record IsolationReport(List<String> notes, NetworkIsolation network, RbacReport rbac) {
}
