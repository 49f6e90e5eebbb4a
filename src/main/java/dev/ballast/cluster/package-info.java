/**
 * Registered clusters: what Ballast watches and where each cluster's objects come from. For now
 * a cluster is either the bundled demo cluster or a set of manifest files; live connections with
 * encrypted read-only credentials, the client factory and the read-only self-check join this
 * module with the snapshot work. Exposes {@link dev.ballast.cluster.Clusters} to other modules.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.ballast.cluster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
