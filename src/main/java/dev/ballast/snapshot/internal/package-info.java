/**
 * How snapshots are made: reducing client-java objects to facts, interning, Quantity arithmetic,
 * lenient typed conversion, the safe, size-bounded manifest parsing behind
 * {@link dev.ballast.snapshot.ManifestReader}, and the requests, discovery and paginated,
 * streamed lists behind {@link dev.ballast.snapshot.LiveCollector}. Not for other modules.
 */
@NullMarked
package dev.ballast.snapshot.internal;

import org.jspecify.annotations.NullMarked;
