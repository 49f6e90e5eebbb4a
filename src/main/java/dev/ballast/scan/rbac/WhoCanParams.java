package dev.ballast.scan.rbac;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.ballast.isolation.RbacQuery.Question;

/**
 * The parameters of "who can …?" as given, checked field by field: the verb and the resource are
 * needed, and each value must look like what Kubernetes accepts there.
 *
 * @param verb the verb
 * @param group the API group
 * @param resource the resource
 * @param subresource the subresource
 * @param name the object's name
 * @param namespace the namespace
 */
record WhoCanParams(@Nullable String verb, @Nullable String group, @Nullable String resource,
		@Nullable String subresource, @Nullable String name, @Nullable String namespace) {

	private static final Pattern WORD = Pattern.compile("[a-z*]{1,63}");

	private static final Pattern GROUP = Pattern.compile("[a-z0-9.*-]{0,253}");

	private static final Pattern RESOURCE = Pattern.compile("[a-z0-9.*-]{1,253}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.:@_*/-]{0,253}");

	private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9-]{0,63}");

	/** Whether a question was asked at all (the page shows the form empty otherwise). */
	boolean asked() {
		return !blank(this.verb) || !blank(this.resource);
	}

	/**
	 * The fields that cannot be used, with the message code that says why.
	 * @return field name to message code, empty when all are fine
	 */
	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		check(errors, "verb", this.verb, WORD, true);
		check(errors, "group", this.group, GROUP, false);
		check(errors, "resource", this.resource, RESOURCE, true);
		check(errors, "subresource", this.subresource, WORD, false);
		check(errors, "name", this.name, NAME, false);
		check(errors, "namespace", this.namespace, NAMESPACE, false);
		return errors;
	}

	/**
	 * The values as given, trimmed, by parameter name (for the form).
	 * @return the values
	 */
	Map<String, String> values() {
		Question q = question();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("verb", q.verb());
		values.put("group", q.group());
		values.put("resource", q.resource());
		values.put("subresource", q.subresource());
		values.put("name", q.name());
		values.put("namespace", q.namespace());
		return values;
	}

	Question question() {
		return new Question(trim(this.verb), trim(this.group), trim(this.resource), trim(this.subresource),
				trim(this.name), trim(this.namespace));
	}

	private static void check(Map<String, String> errors, String field, @Nullable String value, Pattern pattern,
			boolean required) {
		if (blank(value)) {
			if (required) {
				errors.put(field, "rbac.who.error.required");
			}
		}
		else if (!pattern.matcher(value.trim()).matches()) {
			errors.put(field, "rbac.who.error." + field);
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static String trim(@Nullable String value) {
		return (value != null) ? value.trim() : "";
	}

}
