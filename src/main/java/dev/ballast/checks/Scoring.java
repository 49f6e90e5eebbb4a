package dev.ballast.checks;

/**
 * How scores are computed, in one place (the README and the UI show the same formula):
 * <ul>
 * <li><b>Workload</b>: {@code 100 × 0.75^D × 0.97^W}, where D and W count the distinct danger and
 * warning checks that fail on the workload (a check failing in three containers counts once).
 * Info findings and exempted findings do not count.</li>
 * <li><b>Namespace</b>: the mean of its workloads' scores (100 without workloads), times the same
 * factors for checks failing on the namespace itself and its other objects (Services, Ingresses,
 * budgets, autoscalers, policies, bindings).</li>
 * <li><b>Cluster</b>: the mean of the namespace scores weighted by their number of workloads (at
 * least 1), times the same factors for node and cluster checks.</li>
 * <li><b>Grade</b>: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, F below.</li>
 * </ul>
 */
public final class Scoring {

	/** The formula in one line, English, for the CLI and reports. */
	public static final String FORMULA = "score = 100 × 0.75^dangers × 0.97^warnings (distinct failing checks; info and"
			+ " exempted findings do not count); namespace = mean of its workloads × factors of its own findings;"
			+ " cluster = workload-weighted mean of namespaces × factors of node and cluster findings;"
			+ " A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, F below";

	private Scoring() {
	}

	/**
	 * Applies the factors of failing checks to a base score.
	 * @param base the score before these checks, 0 to 100
	 * @param dangers distinct failing danger checks
	 * @param warnings distinct failing warning checks
	 * @return the score, 0 to 100, not rounded
	 */
	public static double apply(double base, int dangers, int warnings) {
		return base * Math.pow(Severity.DANGER.factor(), dangers) * Math.pow(Severity.WARNING.factor(), warnings);
	}

	/**
	 * The letter grade of a score.
	 * @param value 0 to 100
	 * @return {@code A} to {@code F}
	 */
	public static String grade(int value) {
		if (value >= 90) {
			return "A";
		}
		if (value >= 80) {
			return "B";
		}
		if (value >= 70) {
			return "C";
		}
		return (value >= 60) ? "D" : "F";
	}

	/**
	 * A score from a computed value and its counts.
	 * @param value the unrounded value
	 * @param dangers failing danger checks counted
	 * @param warnings failing warning checks counted
	 * @param exempted exempted findings
	 * @return the score
	 */
	public static Score score(double value, int dangers, int warnings, int exempted) {
		int rounded = (int) Math.round(Math.max(0, Math.min(100, value)));
		return new Score(rounded, grade(rounded), dangers, warnings, exempted);
	}

}
