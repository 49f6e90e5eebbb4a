/**
 * The node sizing page and API of a cluster: pools, reserve models, workload shape, blast radius
 * and the what-if packer, read from the stored sizing analysis.
 */
@NullMarked
package dev.ballast.scan.sizing;

import org.jspecify.annotations.NullMarked;
