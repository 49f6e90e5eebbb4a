package dev.ballast.network;

import java.util.List;

/**
 * The result of {@link NetworkAnalysis}, stored with each scan as JSON.
 *
 * @param notes what the analysis could not know
 */
public record NetworkReport(List<String> notes) {
}
