package dev.ballast.isolation;

import java.util.List;

/**
 * A subject named by at least one binding, with what each binding grants it.
 *
 * @param kind {@code User}, {@code Group} or {@code ServiceAccount}
 * @param namespace a ServiceAccount's namespace, else {@code ""}
 * @param name the name
 * @param covers who else a group stands for: {@code ""}, {@code service-accounts} (every service
 * account), {@code service-accounts-in} (every service account of the namespace in its name),
 * {@code authenticated} (every authenticated user and service account), {@code unauthenticated}
 * (anonymous requests)
 * @param system one of Kubernetes' own components (see {@link RbacSystemSubjects}): hidden from the
 * risky list by default
 * @param grants what its bindings grant
 */
public record RbacSubject(String kind, String namespace, String name, String covers, boolean system,
		List<RbacGrant> grants) {

	/**
	 * A stable reference to the subject: {@code User/alice}, {@code Group/dev},
	 * {@code ServiceAccount/ns/name}.
	 * @return the reference
	 */
	public String ref() {
		return ref(this.kind, this.namespace, this.name);
	}

	/**
	 * The reference of a subject.
	 * @param kind the kind
	 * @param namespace a ServiceAccount's namespace
	 * @param name the name
	 * @return the reference
	 */
	public static String ref(String kind, String namespace, String name) {
		return "ServiceAccount".equals(kind) ? kind + "/" + namespace + "/" + name : kind + "/" + name;
	}

}
