package dev.ballast.checks;

import java.util.Comparator;

/**
 * What a finding is about: a workload, a namespace or an object in it, a node or the cluster.
 *
 * @param kind e.g. {@code Deployment}, {@code Service}, {@code Namespace}, {@code Node},
 * {@code Cluster}
 * @param namespace the namespace, {@code ""} for cluster-scoped subjects
 * @param name the name
 */
public record Subject(String kind, String namespace, String name) implements Comparable<Subject> {

	private static final Comparator<Subject> ORDER = Comparator.comparing(Subject::namespace)
		.thenComparing(Subject::kind)
		.thenComparing(Subject::name);

	/** The kind of the subject standing for the whole cluster. */
	public static final String CLUSTER = "Cluster";

	/**
	 * Whether this is a cluster-scoped subject (node, cluster, ClusterRoleBinding).
	 * @return {@code true} without a namespace
	 */
	public boolean clusterScoped() {
		return this.namespace.isEmpty();
	}

	@Override
	public int compareTo(Subject other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		return this.kind + " " + (this.namespace.isEmpty() ? "" : this.namespace + "/") + this.name;
	}

}
