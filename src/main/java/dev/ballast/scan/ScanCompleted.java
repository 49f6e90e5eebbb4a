package dev.ballast.scan;

/**
 * A scan finished: it landed (OK or partial) or failed. Published in the transaction that records
 * the outcome.
 *
 * @param scanId the scan
 * @param cluster the cluster's name
 * @param state how it ended
 */
public record ScanCompleted(long scanId, String cluster, ScanState state) {
}
