package dev.ballast.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * A pod toleration, as Kubernetes matches it against taints.
 *
 * @param key the taint key; {@code null} with operator {@code Exists} tolerates every taint
 * @param operator {@code Equal} (the default) or {@code Exists}
 * @param value the value for {@code Equal}
 * @param effect the effect tolerated; {@code null} tolerates every effect
 * @param seconds for {@code NoExecute}: how long the pod stays after the taint appears
 */
public record Toleration(@Nullable String key, @Nullable String operator, @Nullable String value,
		@Nullable String effect, @Nullable Long seconds) {

	/**
	 * Whether this toleration tolerates every taint (empty key with {@code Exists}).
	 * @return {@code true} for a tolerate-everything toleration
	 */
	public boolean toleratesEverything() {
		return isEmpty(this.key) && "Exists".equals(this.operator) && isEmpty(this.effect);
	}

	/**
	 * Whether this toleration tolerates the taint, by Kubernetes' matching rules.
	 * @param taint the taint
	 * @return {@code true} if the taint is tolerated
	 */
	public boolean tolerates(Taint taint) {
		if (!isEmpty(this.effect) && !this.effect.equals(taint.effect())) {
			return false;
		}
		if (isEmpty(this.key)) {
			return "Exists".equals(this.operator);
		}
		if (!this.key.equals(taint.key())) {
			return false;
		}
		if ("Exists".equals(this.operator)) {
			return true;
		}
		return nullToEmpty(this.value).equals(nullToEmpty(taint.value()));
	}

	private static boolean isEmpty(@Nullable String text) {
		return text == null || text.isEmpty();
	}

	private static String nullToEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
