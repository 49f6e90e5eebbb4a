/**
 * Placement: the taint map of node groups x workloads (may schedule, does run), with Kubernetes'
 * own default tolerations, and the findings about fencing special nodes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "snapshot" })
package dev.ballast.taints;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
