package dev.ballast.isolation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import org.jspecify.annotations.Nullable;

/**
 * A label selector as Kubernetes matches it: every {@code matchLabels} pair and every expression
 * must hold; an empty selector matches everything.
 *
 * @param matchLabels the pairs
 * @param expressions the expressions
 */
public record Selector(Map<String, String> matchLabels, List<Requirement> expressions) {

	/** The empty selector: matches every label set. */
	public static final Selector ALL = new Selector(Map.of(), List.of());

	public Selector {
		matchLabels = new TreeMap<>(matchLabels);
		expressions = List.copyOf(expressions);
	}

	static Selector of(@Nullable V1LabelSelector selector) {
		if (selector == null) {
			return ALL;
		}
		Map<String, String> labels = (selector.getMatchLabels() != null) ? selector.getMatchLabels() : Map.of();
		List<Requirement> requirements = (selector.getMatchExpressions() != null)
				? selector.getMatchExpressions().stream().map(Selector::requirement).toList() : List.of();
		return new Selector(labels, requirements);
	}

	private static Requirement requirement(V1LabelSelectorRequirement requirement) {
		return new Requirement(requirement.getKey(), requirement.getOperator(),
				(requirement.getValues() != null) ? requirement.getValues() : List.of());
	}

	/**
	 * Whether it selects every label set.
	 * @return {@code true} for {@code {}}
	 */
	public boolean empty() {
		return this.matchLabels.isEmpty() && this.expressions.isEmpty();
	}

	/**
	 * Whether labels match.
	 * @param labels the labels
	 * @return {@code true} if every pair and expression holds
	 */
	public boolean matches(Map<String, String> labels) {
		for (Map.Entry<String, String> pair : this.matchLabels.entrySet()) {
			if (!pair.getValue().equals(labels.get(pair.getKey()))) {
				return false;
			}
		}
		for (Requirement requirement : this.expressions) {
			if (!requirement.matches(labels)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.matchLabels.forEach((key, value) -> text.append(text.isEmpty() ? "" : ",").append(key).append('=').append(value));
		for (Requirement requirement : this.expressions) {
			text.append(text.isEmpty() ? "" : ",").append(requirement);
		}
		return text.isEmpty() ? "{}" : text.toString();
	}

	/**
	 * One {@code matchExpressions} entry.
	 *
	 * @param key the label key
	 * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
	 * @param values the values for {@code In} and {@code NotIn}
	 */
	public record Requirement(String key, String operator, List<String> values) {

		public Requirement {
			values = List.copyOf(values);
		}

		/**
		 * Whether the operator is one Kubernetes knows; an unknown one matches nothing.
		 * @return {@code true} if valid
		 */
		public boolean valid() {
			return switch (this.operator) {
				case "In", "NotIn" -> !this.values.isEmpty();
				case "Exists", "DoesNotExist" -> this.values.isEmpty();
				default -> false;
			};
		}

		boolean matches(Map<String, String> labels) {
			String value = labels.get(this.key);
			return switch (this.operator) {
				case "In" -> value != null && this.values.contains(value);
				case "NotIn" -> value == null || !this.values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> false;
			};
		}

		@Override
		public String toString() {
			return switch (this.operator) {
				case "Exists" -> this.key;
				case "DoesNotExist" -> "!" + this.key;
				default -> this.key + " " + this.operator.toLowerCase(java.util.Locale.ROOT) + " (" + String.join(",", this.values) + ")";
			};
		}

	}

}
