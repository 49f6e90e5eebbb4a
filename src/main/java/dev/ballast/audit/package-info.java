/**
 * The audit of manifest files, on the command line and on the web.
 * <p>
 * {@code java -jar ballast.jar audit <files|folders|->} reads manifests into a snapshot, runs the
 * same checks as a live scan and prints text, JSON, SARIF or JUnit, exiting 0 when the thresholds
 * pass, 1 when they fail and 2 on bad input. It starts without Spring, a database or a web
 * server; {@link dev.ballast.audit.AuditCommand} is its plain-Java entry point.
 * <p>
 * The page {@code /audit} and {@code POST /api/v1/audit} (VIEWER) audit uploads the same way
 * (files, archives, pasted YAML or a request body), best-effort with skipped documents listed,
 * with the stored check settings of a cluster or the defaults; nothing is saved. Bad input is a
 * 4xx: nothing sent (400), too large (413, {@code ballast.audit.max-upload-size}), an unknown
 * content type (415), nothing readable (422, naming file, document and line).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "snapshot", "checks" })
package dev.ballast.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
