package dev.ballast.sizing;

import java.util.List;

/**
 * The result of {@link SizingAnalysis}, stored with each scan as JSON.
 *
 * @param notes what the analysis could not know
 */
public record SizingReport(List<String> notes) {
}
