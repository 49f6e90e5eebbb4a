/**
 * The dashboard pages that read the scan history: a namespace's posture, score and workloads, and
 * a workload's findings, pods, labels and score history, with exemptions made from there.
 */
@NullMarked
package dev.ballast.scan.dashboard;

import org.jspecify.annotations.NullMarked;
