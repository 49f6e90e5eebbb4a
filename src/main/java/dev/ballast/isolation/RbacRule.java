package dev.ballast.isolation;

import java.util.List;

/**
 * One PolicyRule of a Role or ClusterRole, as written: empty lists are empty, {@code *} is kept.
 *
 * @param verbs the verbs
 * @param apiGroups the API groups ({@code ""} is the core group)
 * @param resources the resources, {@code resource/subresource} for a subresource
 * @param resourceNames the objects it is limited to (empty: every object)
 * @param nonResourceURLs the non-resource URLs (kept, not used by the risks)
 */
public record RbacRule(List<String> verbs, List<String> apiGroups, List<String> resources, List<String> resourceNames,
		List<String> nonResourceURLs) {

	/**
	 * Whether this rule allows a resource request, as Kubernetes' RBAC authorizer decides it
	 * ({@code rbac/v1} helpers {@code VerbMatches}, {@code APIGroupMatches}, {@code ResourceMatches},
	 * {@code ResourceNameMatches}).
	 * @param verb the verb
	 * @param group the API group
	 * @param resource the resource
	 * @param subresource the subresource, or {@code ""}
	 * @param name the object's name, or {@code ""} for a request without one (list, create): a rule
	 * limited by resourceNames never allows those
	 * @return {@code true} if allowed
	 */
	public boolean allows(String verb, String group, String resource, String subresource, String name) {
		return nameMatches(name) && allowsAnyName(verb, group, resource, subresource);
	}

	/**
	 * Whether this rule allows a request on at least one object, whatever resourceNames say.
	 * @param verb the verb
	 * @param group the API group
	 * @param resource the resource
	 * @param subresource the subresource, or {@code ""}
	 * @return {@code true} if allowed on some or all objects
	 */
	public boolean allowsAnyName(String verb, String group, String resource, String subresource) {
		return this.nonResourceURLs.isEmpty() && matches(this.verbs, verb) && matches(this.apiGroups, group)
				&& resourceMatches(resource, subresource);
	}

	private boolean nameMatches(String name) {
		return this.resourceNames.isEmpty() || (!name.isEmpty() && this.resourceNames.contains(name));
	}

	private boolean resourceMatches(String resource, String subresource) {
		String combined = subresource.isEmpty() ? resource : resource + "/" + subresource;
		for (String candidate : this.resources) {
			if ("*".equals(candidate) || candidate.equals(combined)) {
				return true;
			}
			if (!subresource.isEmpty() && candidate.equals("*/" + subresource)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(List<String> values, String value) {
		return values.contains("*") || values.contains(value);
	}

}
