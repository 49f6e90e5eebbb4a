package dev.ballast.scan;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which scans to list; an empty list means any.
 *
 * @param clusters cluster names
 * @param states states
 * @param triggers triggers
 * @param since started at or after
 * @param until started before
 */
public record ScanFilter(List<String> clusters, List<ScanState> states, List<ScanTrigger> triggers,
		@Nullable Instant since, @Nullable Instant until) {

	public ScanFilter {
		clusters = List.copyOf(clusters);
		states = List.copyOf(states);
		triggers = List.copyOf(triggers);
	}

	/** Every scan of one cluster. */
	public static ScanFilter of(String cluster) {
		return new ScanFilter(List.of(cluster), List.of(), List.of(), null, null);
	}

}
