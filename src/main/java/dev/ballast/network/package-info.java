/**
 * CIDR capacity: the network model (per-node pod CIDR blocks or VPC/ENI addresses) and its
 * evidence, pod and service addresses used and left, the nodes that can still join, the forecast of
 * exhaustion and the CIDR planner.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "snapshot" })
package dev.ballast.network;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
