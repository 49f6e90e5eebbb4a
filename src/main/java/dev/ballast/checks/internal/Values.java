package dev.ballast.checks.internal;

import java.math.BigDecimal;
import java.util.Map;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers over client-java values.
 */
final class Values {

	private Values() {
	}

	static boolean isTrue(@Nullable Boolean value) {
		return Boolean.TRUE.equals(value);
	}

	static boolean isFalse(@Nullable Boolean value) {
		return Boolean.FALSE.equals(value);
	}

	static @Nullable Quantity request(V1Container container, String resource) {
		V1ResourceRequirements resources = container.getResources();
		return (resources != null) ? get(resources.getRequests(), resource) : null;
	}

	static @Nullable Quantity limit(V1Container container, String resource) {
		V1ResourceRequirements resources = container.getResources();
		return (resources != null) ? get(resources.getLimits(), resource) : null;
	}

	static BigDecimal amount(Quantity quantity) {
		return quantity.getNumber();
	}

	static String text(Quantity quantity) {
		try {
			return quantity.toSuffixedString();
		}
		catch (RuntimeException ex) {
			return quantity.getNumber().toPlainString();
		}
	}

	static String orUnset(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : Hit.UNSET;
	}

	/**
	 * A number of a raw object's field.
	 * @param value the field's value
	 * @return the number or {@code null}
	 */
	static @Nullable Long number(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : null;
	}

	/**
	 * Labels as {@code k=v,k=v}.
	 * @param labels the labels
	 * @return the text, or {@code <none>}
	 */
	static String labels(@Nullable Map<String, String> labels) {
		if (labels == null || labels.isEmpty()) {
			return "<none>";
		}
		StringBuilder text = new StringBuilder();
		new java.util.TreeMap<>(labels).forEach((key, value) -> text.append(text.length() > 0 ? "," : "")
			.append(key)
			.append('=')
			.append(value));
		return text.toString();
	}

	private static @Nullable Quantity get(@Nullable Map<String, Quantity> map, String resource) {
		return (map != null) ? map.get(resource) : null;
	}

}
