/**
 * The taint map's pages and API: node groups x workloads (may schedule, does run), the fencing
 * findings, one node's view, and the matrix as SVG and PNG. Read from the stored {@code taints}
 * analysis of the cluster's latest landed scan.
 */
@NullMarked
package dev.ballast.scan.taints;

import org.jspecify.annotations.NullMarked;
