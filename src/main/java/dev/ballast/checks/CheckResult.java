package dev.ballast.checks;

import org.jspecify.annotations.Nullable;

/**
 * How one check did over a snapshot.
 *
 * @param check the check
 * @param checked subjects it looked at
 * @param failed findings that count
 * @param exempted findings that are exempted
 * @param skipped why it did not run (turned off, a kind the snapshot lacks), or {@code null}
 */
public record CheckResult(CheckDefinition check, int checked, int failed, int exempted, @Nullable String skipped) {
}
