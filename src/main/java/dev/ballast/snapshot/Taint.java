package dev.ballast.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * A node taint.
 *
 * @param key the taint key
 * @param value the value, if any
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
 */
public record Taint(String key, @Nullable String value, String effect) {

	@Override
	public String toString() {
		return this.key + ((this.value != null) ? "=" + this.value : "") + ":" + this.effect;
	}

}
