package dev.ballast.isolation;

import java.util.List;

/**
 * Kubernetes' own components among the subjects: they need their rights, so the risky list hides
 * them unless asked. A subject is one when it is a user or group named {@code system:…} (for
 * example {@code system:kube-controller-manager}, {@code system:kube-scheduler},
 * {@code system:nodes}, {@code system:masters}), except the groups that stand for every service
 * account or every user ({@code system:serviceaccounts…}, {@code system:authenticated},
 * {@code system:unauthenticated}: a right granted to them is granted to everyone), or a
 * ServiceAccount in {@code kube-system} named {@code …-controller} or bound only to roles named
 * {@code system:…} (the controllers' own accounts and the bootstrap roles).
 */
final class RbacSystemSubjects {

	private RbacSystemSubjects() {
	}

	static boolean isSystem(String kind, String namespace, String name, List<RbacGrant> grants) {
		if ("ServiceAccount".equals(kind)) {
			return "kube-system".equals(namespace) && (name.endsWith("-controller") || (!grants.isEmpty()
					&& grants.stream().allMatch((grant) -> roleName(grant.role()).startsWith("system:"))));
		}
		return name.startsWith("system:") && RbacResolver.covers(kind, name).isEmpty();
	}

	private static String roleName(String key) {
		return key.substring(key.lastIndexOf('/') + 1);
	}

}
