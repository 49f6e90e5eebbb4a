package dev.ballast.audit.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ballast.checks.Finding;
import dev.ballast.checks.Score;
import dev.ballast.checks.Scoring;
import dev.ballast.checks.Severity;
import dev.ballast.checks.Subject;

/**
 * Findings for people: grouped by subject with its score, the offending field, its value and
 * where it is in the files; coloured on a terminal.
 */
public final class TextFormat {

	private static final String RESET = "\u001b[0m";

	private final boolean color;

	public TextFormat(boolean color) {
		this.color = color;
	}

	public void write(AuditResult result, PrintStream out) {
		Map<Subject, List<Finding>> bySubject = new LinkedHashMap<>();
		for (Finding finding : result.report().findings()) {
			bySubject.computeIfAbsent(finding.subject(), (key) -> new java.util.ArrayList<>()).add(finding);
		}
		for (Map.Entry<Subject, List<Finding>> entry : bySubject.entrySet()) {
			Subject subject = entry.getKey();
			Score score = result.report().workloads().get(subject);
			Locations.Location place = result.locations().find(subject, "");
			out.println(paint("1", subject.toString())
					+ ((score != null) ? "  score " + score.value() + " (" + score.grade() + ")" : "")
					+ ((place != null) ? paint("2", "  " + place) : ""));
			for (Finding finding : entry.getValue()) {
				String severity = String.format("%-8s", finding.severity().name());
				String title = AuditResult.TEXTS.title(finding.check());
				String head = "  " + (finding.counts() ? paint(colour(finding.severity()), severity)
						: paint("2", "exempt  ")) + " " + finding.checkId() + ": " + title;
				out.println(finding.counts() ? head : paint("2", head));
				Locations.Location location = result.location(finding);
				String where = ((finding.container() != null) ? "container " + finding.container() + ": " : "")
						+ finding.path() + " = " + finding.actual()
						+ ((location != null) ? "  (" + location + ")" : "");
				out.println("           " + paint("2", where));
				if (finding.exempted() != null) {
					out.println("           " + paint("2", "exempted: " + finding.exempted().reason()));
				}
			}
			out.println();
		}
		Map<Severity, Integer> counts = result.counts();
		Score cluster = result.report().cluster();
		out.println(paint("1", "Score " + cluster.value() + " (" + cluster.grade() + ")") + "  "
				+ result.report().workloads().size() + " workloads, " + result.objects() + " objects, "
				+ result.report().results().size() + " checks; " + paint(colour(Severity.DANGER),
						counts.get(Severity.DANGER) + " danger")
				+ ", " + paint(colour(Severity.WARNING), counts.get(Severity.WARNING) + " warning") + ", "
				+ paint(colour(Severity.INFO), counts.get(Severity.INFO) + " info") + ", " + result.exempted()
				+ " exempted");
		out.println(paint("2", Scoring.FORMULA));
		String failure = result.failure();
		out.println((failure == null) ? paint("32;1", "PASSED") : paint("31;1", "FAILED") + ": " + failure);
	}

	private static String colour(Severity severity) {
		return switch (severity) {
			case DANGER -> "31";
			case WARNING -> "33";
			case INFO -> "36";
		};
	}

	private String paint(String code, String text) {
		return this.color ? "\u001b[" + code + "m" + text + RESET : text;
	}

}
