package dev.ballast.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * A PriorityClass.
 *
 * @param name the name
 * @param value the priority
 * @param globalDefault whether pods without a class get it
 * @param preemptionPolicy {@code PreemptLowerPriority} or {@code Never}, as written
 * @param description the description, if any
 */
public record PriorityClass(String name, int value, boolean globalDefault, @Nullable String preemptionPolicy,
		@Nullable String description) {
}
