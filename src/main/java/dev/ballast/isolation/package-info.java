/**
 * Isolation: namespace posture, NetworkPolicy reachability computed as Kubernetes defines it, DNS
 * notes and RBAC risks.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "snapshot" })
package dev.ballast.isolation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
