package dev.ballast.scan;

import java.time.Instant;

/**
 * One step of a score trend, from the rollups of the landed scans in it.
 *
 * @param at the start of the step (hour, day or week, UTC)
 * @param scans landed scans in the step
 * @param score the mean score, rounded
 * @param minScore the lowest score
 * @param maxScore the highest score
 * @param dangers failing danger checks (workloads, namespaces) or findings (clusters) of the last scan in the step
 * @param warnings the same for warnings
 * @param lastScanId the last scan in the step
 */
public record TrendPoint(Instant at, int scans, int score, int minScore, int maxScore, int dangers, int warnings,
		long lastScanId) {
}
