package dev.ballast.snapshot;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A namespace.
 *
 * @param name the name
 * @param labels labels
 * @param annotations annotations
 * @param phase {@code Active} or {@code Terminating}, if known
 * @param createdAt creation time, if known
 */
public record Namespace(String name, Map<String, String> labels, Map<String, String> annotations,
		@Nullable String phase, @Nullable Instant createdAt) {
}
