/**
 * The cluster snapshot: one immutable, memory-lean {@link dev.ballast.snapshot.ClusterSnapshot}
 * that every check and analysis reads, whether it was collected live from an API server or read
 * from manifest files by {@link dev.ballast.snapshot.ManifestReader}.
 * <p>
 * Both sources fill the same {@link dev.ballast.snapshot.SnapshotBuilder} with typed client-java
 * objects. Pods are reduced to compact {@link dev.ballast.snapshot.PodFacts} as they arrive;
 * controllers keep their pod template (typed) and their raw object (for CEL checks); Secrets are
 * never stored, only counted; a kind that could not be listed is recorded as a
 * {@link dev.ballast.snapshot.Gap} so pages can say what is missing.
 * <p>
 * {@link dev.ballast.snapshot.LiveCollector} reads a cluster (only {@code GET}s, never Secrets):
 * discovery of every served API version, then every kind in parallel, paginated, streamed page by
 * page into the builder, with retries, restarts after {@code 410 Gone}, timeouts, a deadline and
 * honest gaps; its settings are {@link dev.ballast.snapshot.LiveSettings}
 * ({@code ballast.snapshot.live.*}). {@link dev.ballast.snapshot.ClusterSnapshots} takes the
 * snapshot of a registered cluster from wherever its objects come from, re-running the read-only
 * self-check of a live cluster first. Internals (reduction, interning, safe YAML parsing, archive
 * reading, the collector's requests, pagination and discovery) live in {@code snapshot.internal}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "cluster" })
package dev.ballast.snapshot;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
