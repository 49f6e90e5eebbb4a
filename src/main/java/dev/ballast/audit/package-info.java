/**
 * The command-line audit of manifest files: {@code java -jar ballast.jar audit <files|folders|->}
 * reads manifests into a snapshot, runs the same checks as a live scan and prints text, JSON,
 * SARIF or JUnit, exiting 0 when the thresholds pass, 1 when they fail and 2 on bad input. It
 * starts without Spring, a database or a web server; {@link dev.ballast.audit.AuditCommand} is
 * its plain-Java entry point.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "snapshot", "checks" })
package dev.ballast.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
