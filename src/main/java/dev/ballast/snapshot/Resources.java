package dev.ballast.snapshot;

import java.util.Map;
import java.util.TreeMap;

/**
 * An amount of compute resources in base units: CPU in millicores, memory in bytes, every other
 * resource (pods, ephemeral-storage, {@code nvidia.com/gpu}, hugepages) rounded up to a whole
 * number of its unit.
 * <p>
 * {@link #UNBOUNDED} ({@code -1}) stands for "no limit" where a sum of limits is unbounded because
 * a container sets none.
 *
 * @param cpuMillis CPU in millicores, or {@link #UNBOUNDED}
 * @param memoryBytes memory in bytes, or {@link #UNBOUNDED}
 * @param other every other resource by name
 */
public record Resources(long cpuMillis, long memoryBytes, Map<String, Long> other) {

	/** Marks an unbounded amount: a limit that some container does not set. */
	public static final long UNBOUNDED = -1;

	/** No resources at all. */
	public static final Resources NONE = new Resources(0, 0, Map.of());

	public Resources {
		other = other.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(other));
	}

	/**
	 * The amount of one resource in its base unit (millicores for {@code cpu}).
	 * @param resource the resource name, e.g. {@code memory} or {@code nvidia.com/gpu}
	 * @return the amount, {@code 0} if absent, or {@link #UNBOUNDED}
	 */
	public long amount(String resource) {
		return switch (resource) {
			case "cpu" -> this.cpuMillis;
			case "memory" -> this.memoryBytes;
			default -> this.other.getOrDefault(resource, 0L);
		};
	}

	/**
	 * Whether any amount is set.
	 * @return {@code true} unless everything is zero
	 */
	public boolean isEmpty() {
		return this.cpuMillis == 0 && this.memoryBytes == 0 && this.other.isEmpty();
	}

}
