/**
 * The rules behind the catalogue: the rule kinds by target, the checks as rows of data, the
 * snapshot indexes they share, exemptions, CEL evaluation and scoring arithmetic.
 */
@NullMarked
package dev.ballast.checks.internal;

import org.jspecify.annotations.NullMarked;
