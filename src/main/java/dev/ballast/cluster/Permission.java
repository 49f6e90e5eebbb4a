package dev.ballast.cluster;

/**
 * One permission a credential may or may not have: a verb on a resource, cluster-wide (empty
 * namespace) or in one namespace.
 *
 * @param verb e.g. {@code delete}, {@code get}, {@code impersonate}
 * @param group API group, empty for the core group
 * @param resource plural resource name
 * @param subresource e.g. {@code exec}, or empty
 * @param namespace the namespace asked about, or empty for cluster-wide
 */
public record Permission(String verb, String group, String resource, String subresource, String namespace) {

	static Permission clusterWide(String verb, String group, String resource, String subresource) {
		return new Permission(verb, group, resource, subresource, "");
	}

	Permission in(String namespace) {
		return new Permission(this.verb, this.group, this.resource, this.subresource, namespace);
	}

	/** As a person would say it: {@code delete apps/deployments in namespace shop}. */
	public String describe() {
		String what = (this.group.isEmpty() ? "" : this.group + "/") + this.resource
				+ (this.subresource.isEmpty() ? "" : "/" + this.subresource);
		return this.verb + " " + what + (this.namespace.isEmpty() ? " (cluster-wide)" : " in namespace " + this.namespace);
	}

}
