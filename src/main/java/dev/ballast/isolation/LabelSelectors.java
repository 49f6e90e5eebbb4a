package dev.ballast.isolation;

import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;

/**
 * A label selector as Kubernetes matches it: every matchLabels pair and every matchExpressions
 * requirement (In, NotIn, Exists, DoesNotExist) must hold; an empty selector matches everything.
 */
final class LabelSelectors {

	private LabelSelectors() {
	}

	static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
		if (selector.getMatchLabels() != null) {
			for (Map.Entry<String, String> pair : selector.getMatchLabels().entrySet()) {
				if (!pair.getValue().equals(labels.get(pair.getKey()))) {
					return false;
				}
			}
		}
		if (selector.getMatchExpressions() != null) {
			for (V1LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
				if (!holds(requirement, labels)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean holds(V1LabelSelectorRequirement requirement, Map<String, String> labels) {
		String value = labels.get(requirement.getKey());
		List<String> values = (requirement.getValues() != null) ? requirement.getValues() : List.of();
		switch (requirement.getOperator()) {
			case "In":
				return value != null && values.contains(value);
			case "NotIn":
				return value == null || !values.contains(value);
			case "Exists":
				return value != null;
			case "DoesNotExist":
				return value == null;
			default:
				return false;
		}
	}

}
