package dev.ballast.taints;

import java.util.List;

/**
 * The result of {@link TaintAnalysis}, stored with each scan as JSON.
 *
 * @param notes what the analysis could not know
 */
public record TaintMap(List<String> notes) {
}
