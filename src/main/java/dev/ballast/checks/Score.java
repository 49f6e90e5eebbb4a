package dev.ballast.checks;

/**
 * A score from 0 to 100 with its letter grade, and what it was computed from.
 *
 * @param value 0 to 100
 * @param grade {@code A} to {@code F}
 * @param dangers failing danger checks that counted
 * @param warnings failing warning checks that counted
 * @param exempted findings exempted (not counted)
 */
public record Score(int value, String grade, int dangers, int warnings, int exempted) {
}
