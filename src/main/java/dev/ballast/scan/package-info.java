/**
 * Scans and their history: a scan is a snapshot of one cluster plus every analysis of it, stored
 * in PostgreSQL whole or recorded as failed with its reason. Scans run on a per-cluster schedule
 * (cron, hourly by default; once across replicas thanks to ShedLock), when an operator asks from
 * a page, or from the API; at most one scan per cluster runs at a time and a second request joins
 * it. Progress is written to the scan's row while it runs, so every replica can show it; a scan
 * whose heartbeat stops (crash, restart, lost database) is marked failed.
 * <p>
 * History keeps the failing findings of each scan, and the facts of its workloads (pods, nodes,
 * zones, terminations, labels) and namespaces (LimitRange, quotas, default-deny policies, Pod
 * Security labels), for a retention period, and rollups forever (counts per check x namespace x
 * severity, per-check results, namespace and workload scores), so trends read rollups, never raw
 * findings. {@link dev.ballast.scan.Scans} starts and reads scans;
 * {@link dev.ballast.scan.History} answers findings, diffs, scores and trends; both are served under
 * {@code /api/v1} and on the scan pages, and the namespace and workload pages
 * ({@code dev.ballast.scan.dashboard}) read them; {@code /actuator/prometheus} exposes the last scan of
 * every cluster. {@link dev.ballast.scan.ScanCompleted} is published when a scan lands.
 * <p>
 * The dashboard ({@code dashboard} sub-package) is built from that history too: the fleet
 * overview ({@code /}) and a cluster's page ({@code /clusters/{name}}), which include the cluster
 * module's fragments (about, connection test, credential warning).
 * <p>
 * Every scan also stores the analyses of the {@code sizing}, {@code network}, {@code taints} and
 * {@code isolation} modules as versioned JSON documents ({@code internal.Analyses});
 * {@link dev.ballast.scan.StoredAnalyses} reads them back. Their pages and APIs live in the
 * sub-packages {@code sizing}, {@code cidr}, {@code taints}, {@code isolation} and {@code rbac}
 * ({@code /clusters/{name}/<area>}, {@code /api/v1/clusters/{name}/<area>}), around the shared
 * head of {@code dashboard.AreaPages}; each contributes what the e-mail report should say through
 * {@link dev.ballast.scan.Highlights}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "cluster", "snapshot", "checks", "sizing", "network", "taints", "isolation" })
package dev.ballast.scan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
