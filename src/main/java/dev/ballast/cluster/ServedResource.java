package dev.ballast.cluster;

import java.util.Set;

/**
 * A resource (or subresource, such as {@code pods/exec}) an API server serves, from discovery.
 *
 * @param group API group, empty for the core group
 * @param version the group's preferred version
 * @param resource plural name, with {@code /subresource} for a subresource
 * @param namespaced whether objects of it live in namespaces
 * @param verbs what the server supports on it
 */
public record ServedResource(String group, String version, String resource, boolean namespaced, Set<String> verbs) {

	public ServedResource {
		verbs = Set.copyOf(verbs);
	}

	/** The resource's name without a subresource. */
	public String baseResource() {
		int slash = this.resource.indexOf('/');
		return (slash < 0) ? this.resource : this.resource.substring(0, slash);
	}

	/** The subresource, or the empty string. */
	public String subresource() {
		int slash = this.resource.indexOf('/');
		return (slash < 0) ? "" : this.resource.substring(slash + 1);
	}

	/** {@code group/version} as used in {@code apiVersion}. */
	public String groupVersion() {
		return this.group.isEmpty() ? this.version : this.group + "/" + this.version;
	}

}
