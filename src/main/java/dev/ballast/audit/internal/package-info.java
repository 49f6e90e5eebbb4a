/**
 * Command-line parsing, the configuration file, source locations of objects and fields, and the
 * four output formats of the audit.
 */
@NullMarked
package dev.ballast.audit.internal;

import org.jspecify.annotations.NullMarked;
