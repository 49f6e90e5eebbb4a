/**
 * The isolation pages and API of a cluster: namespace posture, findings, the reachability matrix
 * for a port, "can A reach B" with the deciding policies, and the matrix as SVG.
 */
@NullMarked
package dev.ballast.scan.isolation;

import org.jspecify.annotations.NullMarked;
