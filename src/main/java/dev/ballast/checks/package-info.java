/**
 * The check catalogue and engine: every best-practice check Ballast knows, run over a
 * {@link dev.ballast.snapshot.ClusterSnapshot} as a pure function, with severities and disabled
 * checks from a {@link dev.ballast.checks.CheckConfiguration}, exemptions (the
 * {@code ballast.dev/exempt} annotation on a workload or namespace, or rules in the
 * configuration), custom checks written in CEL, and scores per workload, namespace and cluster
 * ({@link dev.ballast.checks.Scoring}).
 * <p>
 * A built-in check is one declarative row in {@code checks.internal} (id, category, severity,
 * target, docs link, a small rule); its title, why and remediation live in the
 * {@code messages/checks} bundles. The catalogue page ({@code GET /checks}) lists them all.
 * <p>
 * The stored configuration is edited by operators on {@code /checks/settings} (severity or off,
 * per cluster and namespace, with history), {@code /checks/exemptions} (who, why, until; revocable)
 * and {@code /checks/custom} (CEL checks tested on a sample object before saving), and under
 * {@code /api/v1/checks}; other modules' pages exempt one check on one workload through
 * {@link dev.ballast.checks.WorkloadExemptions}. {@link dev.ballast.checks.CheckSettings#configurationFor(String)} turns
 * it into a cluster's {@link dev.ballast.checks.CheckConfiguration}; clusters are named by their
 * name, {@code *} meaning all.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "snapshot" })
package dev.ballast.checks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
