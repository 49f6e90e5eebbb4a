package dev.ballast.checks.internal;

import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import org.jspecify.annotations.Nullable;

/**
 * Label selectors as Kubernetes matches them.
 */
public final class Selectors {

	private Selectors() {
	}

	/**
	 * Whether a label selector matches labels; an empty selector matches everything, a missing
	 * one nothing.
	 * @param selector the selector
	 * @param labels the labels
	 * @return {@code true} if they match
	 */
	public static boolean matches(@Nullable V1LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		if (selector.getMatchLabels() != null && !contains(labels, selector.getMatchLabels())) {
			return false;
		}
		if (selector.getMatchExpressions() != null) {
			for (V1LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
				if (!matches(requirement.getKey(), requirement.getOperator(), requirement.getValues(), labels)) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Whether labels contain every pair of an equality selector (a Service's).
	 * @param labels the labels
	 * @param selector the pairs
	 * @return {@code true} if all are present
	 */
	public static boolean contains(Map<String, String> labels, Map<String, String> selector) {
		for (Map.Entry<String, String> pair : selector.entrySet()) {
			if (!pair.getValue().equals(labels.get(pair.getKey()))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a node selector requirement holds for node labels.
	 * @param requirement the requirement
	 * @param labels the node's labels
	 * @return {@code true} if it holds
	 */
	public static boolean matches(V1NodeSelectorRequirement requirement, Map<String, String> labels) {
		String operator = requirement.getOperator();
		String value = labels.get(requirement.getKey());
		List<String> values = (requirement.getValues() != null) ? requirement.getValues() : List.of();
		if ("Gt".equals(operator) || "Lt".equals(operator)) {
			if (value == null || values.isEmpty()) {
				return false;
			}
			try {
				long actual = Long.parseLong(value);
				long bound = Long.parseLong(values.get(0));
				return "Gt".equals(operator) ? actual > bound : actual < bound;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		return matches(requirement.getKey(), operator, values, labels);
	}

	private static boolean matches(String key, String operator, @Nullable List<String> values,
			Map<String, String> labels) {
		String value = labels.get(key);
		List<String> allowed = (values != null) ? values : List.of();
		return switch (operator) {
			case "In" -> value != null && allowed.contains(value);
			case "NotIn" -> value == null || !allowed.contains(value);
			case "Exists" -> value != null;
			case "DoesNotExist" -> value == null;
			default -> false;
		};
	}

}
