package dev.ballast.snapshot.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

import io.kubernetes.client.custom.Quantity;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Resources;

/**
 * Quantity arithmetic in base units: CPU in millicores, everything else rounded up to a whole
 * unit, clamped to {@code long}.
 */
public final class Quantities {

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private Quantities() {
	}

	/**
	 * The amount of a resource in its base unit (millicores for {@code cpu}).
	 * @param resource the resource name
	 * @param quantity the quantity
	 * @return the amount, {@code 0} for {@code null}
	 */
	public static long amount(String resource, @Nullable Quantity quantity) {
		if (quantity == null) {
			return 0;
		}
		BigDecimal number = quantity.getNumber();
		if ("cpu".equals(resource)) {
			number = number.multiply(THOUSAND);
		}
		if (number.signum() <= 0) {
			return 0;
		}
		if (number.compareTo(MAX) >= 0) {
			return Long.MAX_VALUE;
		}
		return number.setScale(0, RoundingMode.CEILING).longValueExact();
	}

	/**
	 * Amounts by resource name.
	 * @param quantities quantities by resource, possibly {@code null}
	 * @return amounts in base units
	 */
	public static Map<String, Long> amounts(@Nullable Map<String, Quantity> quantities) {
		if (quantities == null || quantities.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> amounts = new HashMap<>();
		quantities.forEach((resource, quantity) -> {
			if (resource != null && quantity != null) {
				amounts.put(resource, amount(resource, quantity));
			}
		});
		return amounts;
	}

	/**
	 * Resources from amounts by name; {@code cpu} and {@code memory} absent are zero.
	 * @param amounts amounts in base units
	 * @param interner shares equal results
	 * @return the resources
	 */
	public static Resources fromAmounts(Map<String, Long> amounts, Interner interner) {
		if (amounts.isEmpty()) {
			return Resources.NONE;
		}
		Map<String, Long> other = new HashMap<>(amounts);
		Long cpu = other.remove("cpu");
		Long memory = other.remove("memory");
		Map<String, Long> shared = new HashMap<>();
		other.forEach((name, amount) -> shared.put(interner.intern(name), amount));
		return interner.intern(new Resources((cpu != null) ? cpu : 0, (memory != null) ? memory : 0, shared));
	}

	/**
	 * Resources straight from quantities (node capacity, allocatable, usage).
	 * @param quantities quantities by resource, possibly {@code null}
	 * @param interner shares equal results
	 * @return the resources
	 */
	public static Resources resources(@Nullable Map<String, Quantity> quantities, Interner interner) {
		return fromAmounts(amounts(quantities), interner);
	}

}
