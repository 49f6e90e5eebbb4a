package dev.ballast.audit.internal;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.CheckReport;
import dev.ballast.checks.CheckTexts;
import dev.ballast.checks.Finding;
import dev.ballast.checks.Severity;

/**
 * What one audit found and decided, for the output formats.
 *
 * @param report the engine's report
 * @param locations where objects are in the files
 * @param objects how many Kubernetes objects were read
 * @param failOn the severity threshold, {@code null} for none
 * @param minScore the score threshold, {@code null} for none
 * @param version Ballast's version
 */
public record AuditResult(CheckReport report, Locations locations, int objects, @Nullable Severity failOn,
		@Nullable Integer minScore, String version) {

	/** The English texts of the catalogue. */
	public static final CheckTexts TEXTS = CheckTexts.english();

	/**
	 * Counted (not exempted) findings per severity.
	 * @return the counts
	 */
	public Map<Severity, Integer> counts() {
		Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
		for (Severity severity : Severity.values()) {
			counts.put(severity, 0);
		}
		for (Finding finding : this.report.counted()) {
			counts.merge(finding.severity(), 1, Integer::sum);
		}
		return counts;
	}

	public int exempted() {
		return this.report.findings().size() - this.report.counted().size();
	}

	/**
	 * Whether a finding breaks the severity threshold.
	 * @param finding the finding
	 * @return {@code true} if it fails the audit
	 */
	public boolean fails(Finding finding) {
		return finding.counts() && this.failOn != null && finding.severity().atLeast(this.failOn);
	}

	/**
	 * Why the audit failed.
	 * @return the reason, or {@code null} if it passed
	 */
	public @Nullable String failure() {
		long failing = this.report.findings().stream().filter(this::fails).count();
		if (failing > 0) {
			return failing + " finding" + ((failing == 1) ? "" : "s") + " of severity " + this.failOn.key()
					+ " or worse (--fail-on " + this.failOn.key() + ")";
		}
		if (this.minScore != null && this.report.cluster().value() < this.minScore) {
			return "score " + this.report.cluster().value() + " is below --min-score " + this.minScore;
		}
		return null;
	}

	public boolean passed() {
		return failure() == null;
	}

	public Locations.@Nullable Location location(Finding finding) {
		return this.locations.find(finding.subject(), finding.path());
	}

}
