package dev.ballast.isolation;

import java.util.List;

/**
 * A Role or ClusterRole with its effective rules: for an aggregated ClusterRole, its own rules and
 * those of every ClusterRole its {@code aggregationRule} selects.
 *
 * @param kind {@code Role} or {@code ClusterRole}
 * @param namespace the Role's namespace, {@code ""} for a ClusterRole
 * @param name the name
 * @param aggregatedFrom the ClusterRoles whose rules were added by aggregation
 * @param rules the effective rules
 */
public record RbacRole(String kind, String namespace, String name, List<String> aggregatedFrom, List<RbacRule> rules) {

	/**
	 * The key of a role in {@link RbacReport#roles()}.
	 * @param kind {@code Role} or {@code ClusterRole}
	 * @param namespace the namespace of a Role
	 * @param name the name
	 * @return {@code ClusterRole/name} or {@code Role/namespace/name}
	 */
	public static String key(String kind, String namespace, String name) {
		return "ClusterRole".equals(kind) ? "ClusterRole/" + name : "Role/" + namespace + "/" + name;
	}

}
