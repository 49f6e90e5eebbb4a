package dev.ballast.taints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.ClusterNode;

/**
 * Kubernetes' node selection: {@code spec.nodeSelector} (every label equal) and the required node
 * affinity (any term; within a term every expression and field; an empty term matches nothing).
 * Operators In, NotIn, Exists, DoesNotExist, Gt, Lt over labels; {@code matchFields} on
 * {@code metadata.name} with In and NotIn. An unknown operator matches nothing, as in the scheduler.
 */
final class NodeMatch {

	private NodeMatch() {
	}

	/**
	 * Why a node does not match.
	 * @param constraints the pods' constraints
	 * @param node the node
	 * @return the first requirement the node fails, as text, or {@code null} when it matches
	 */
	static @Nullable String mismatch(Constraints constraints, ClusterNode node) {
		for (Map.Entry<String, String> entry : new java.util.TreeMap<>(constraints.nodeSelector()).entrySet()) {
			if (!entry.getValue().equals(node.labels().get(entry.getKey()))) {
				return entry.getKey() + "=" + entry.getValue();
			}
		}
		List<V1NodeSelectorTerm> terms = constraints.terms();
		if (terms == null) {
			return null;
		}
		String first = null;
		for (V1NodeSelectorTerm term : terms) {
			String failed = failed(term, node);
			if (failed == null) {
				return null;
			}
			if (first == null) {
				first = failed;
			}
		}
		return (first != null) ? first : "nodeAffinity: []";
	}

	private static @Nullable String failed(@Nullable V1NodeSelectorTerm term, ClusterNode node) {
		List<V1NodeSelectorRequirement> expressions = (term != null && term.getMatchExpressions() != null)
				? term.getMatchExpressions() : List.of();
		List<V1NodeSelectorRequirement> fields = (term != null && term.getMatchFields() != null) ? term.getMatchFields()
				: List.of();
		if (expressions.isEmpty() && fields.isEmpty()) {
			return "nodeAffinity: {}";
		}
		for (V1NodeSelectorRequirement requirement : expressions) {
			if (requirement == null || !matches(requirement, node.labels().get(requirement.getKey()),
					node.labels().containsKey(requirement.getKey()))) {
				return text(requirement);
			}
		}
		for (V1NodeSelectorRequirement requirement : fields) {
			boolean name = requirement != null && "metadata.name".equals(requirement.getKey());
			if (!name || !matches(requirement, node.name(), true)) {
				return text(requirement);
			}
		}
		return null;
	}

	static boolean matches(V1NodeSelectorRequirement requirement, @Nullable String value, boolean present) {
		List<String> values = (requirement.getValues() != null) ? requirement.getValues() : List.of();
		String operator = (requirement.getOperator() != null) ? requirement.getOperator() : "";
		switch (operator) {
			case "In":
				return present && values.contains(value);
			case "NotIn":
				return !present || !values.contains(value);
			case "Exists":
				return present;
			case "DoesNotExist":
				return !present;
			case "Gt":
			case "Lt":
				Long actual = number(value);
				Long bound = (values.size() == 1) ? number(values.get(0)) : null;
				if (!present || actual == null || bound == null) {
					return false;
				}
				return operator.equals("Gt") ? actual > bound : actual < bound;
			default:
				return false;
		}
	}

	/**
	 * The selector and required node affinity as text, one entry per part.
	 * @param constraints the constraints
	 * @return e.g. {@code [ballast.dev/pool=gpu, workload In [mysql]]}
	 */
	static List<String> describe(Constraints constraints) {
		List<String> parts = new ArrayList<>();
		new java.util.TreeMap<>(constraints.nodeSelector()).forEach((key, value) -> parts.add(key + "=" + value));
		if (constraints.terms() != null) {
			parts.add(describe(constraints.terms()));
		}
		return parts;
	}

	static String describe(@Nullable List<V1NodeSelectorTerm> terms) {
		if (terms == null) {
			return "";
		}
		List<String> texts = new ArrayList<>();
		for (V1NodeSelectorTerm term : terms) {
			List<String> parts = new ArrayList<>();
			if (term != null && term.getMatchExpressions() != null) {
				term.getMatchExpressions().forEach((requirement) -> parts.add(text(requirement)));
			}
			if (term != null && term.getMatchFields() != null) {
				term.getMatchFields().forEach((requirement) -> parts.add(text(requirement)));
			}
			texts.add(String.join(", ", parts));
		}
		return (texts.size() == 1) ? texts.get(0) : "(" + String.join(") or (", texts) + ")";
	}

	private static String text(@Nullable V1NodeSelectorRequirement requirement) {
		if (requirement == null) {
			return "null";
		}
		String operator = String.valueOf(requirement.getOperator());
		String key = String.valueOf(requirement.getKey());
		if (operator.equals("Exists") || operator.equals("DoesNotExist")) {
			return key + " " + operator;
		}
		List<String> values = (requirement.getValues() != null) ? requirement.getValues() : List.of();
		return key + " " + operator + " [" + String.join(", ", values) + "]";
	}

	private static @Nullable Long number(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
