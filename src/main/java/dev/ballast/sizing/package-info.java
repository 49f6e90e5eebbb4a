/**
 * Node sizing: node pools, allocatable vs requests vs usage, the providers' reserved-resource
 * models, blast radius and what-if packing of the cluster's real pod requests onto other node
 * shapes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "snapshot" })
package dev.ballast.sizing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
