/**
 * The RBAC page and API of a cluster: risky subjects, one subject's effective permissions, and
 * "who can …?" answered from the stored isolation document.
 */
@NullMarked
package dev.ballast.scan.rbac;

import org.jspecify.annotations.NullMarked;
