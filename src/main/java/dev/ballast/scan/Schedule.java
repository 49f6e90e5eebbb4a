package dev.ballast.scan;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When a cluster is scanned and how long its raw findings are kept.
 *
 * @param cluster the cluster's name
 * @param cron a Spring cron expression: second minute hour day month weekday
 * @param enabled whether scheduled scans run (an operator can always scan on request)
 * @param findingsRetentionDays days the failing findings of a scan are kept; rollups stay forever
 * @param nextRunAt when the next scheduled scan starts; {@code null} when disabled
 * @param updatedBy who last changed it, {@code ballast} for the defaults
 * @param updatedAt when
 */
public record Schedule(String cluster, String cron, boolean enabled, int findingsRetentionDays,
		@Nullable Instant nextRunAt, String updatedBy, Instant updatedAt) {
}
