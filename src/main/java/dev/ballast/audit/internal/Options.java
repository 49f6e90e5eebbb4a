package dev.ballast.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Severity;

/**
 * The audit's command line.
 *
 * @param inputs files, folders or {@code -} for standard input
 * @param format {@code text}, {@code json}, {@code sarif} or {@code junit}
 * @param failOn the least severity that fails the audit, {@code null} for none
 * @param minScore the least overall score that passes, {@code null} for none
 * @param config the configuration file, if any
 * @param color whether text output is coloured: {@code auto}, {@code always} or {@code never}
 * @param help whether help was asked for
 * @param list whether the catalogue was asked for
 */
public record Options(List<String> inputs, String format, @Nullable Severity failOn, @Nullable Integer minScore,
		@Nullable String config, String color, boolean help, boolean list) {

	/** What {@code --help} prints. */
	public static final String USAGE = """
			Usage: java -jar ballast.jar audit [options] <file|folder|->...

			Checks Kubernetes manifests (YAML or JSON, multi-document files, List kinds,
			kubectl dumps, folders, zip and tar archives; - reads standard input) against
			Ballast's best-practice checks, without a cluster, database or server.

			Options:
			  -o, --format FORMAT   text (default), json, sarif or junit
			      --fail-on LEVEL   danger (default), warning, info or none: fail when a
			                        finding that is not exempted has this severity or worse
			      --min-score N     fail when the overall score is below N (0-100)
			  -c, --config FILE     severities, disabled checks, exemptions, custom CEL checks
			      --color WHEN      auto (default: on a terminal), always or never
			      --list            print the check catalogue and exit
			  -h, --help            print this help and exit

			Exit status: 0 passed, 1 a threshold failed, 2 bad input (arguments, configuration,
			unreadable or invalid manifests, no Kubernetes objects).
			""";

	private static final List<String> FORMATS = List.of("text", "json", "sarif", "junit");

	/**
	 * Parses the arguments after {@code audit}.
	 * @param args the arguments
	 * @return the options
	 * @throws UsageException for unknown or malformed options
	 */
	public static Options parse(String[] args) {
		List<String> inputs = new ArrayList<>();
		String format = "text";
		Severity failOn = Severity.DANGER;
		Integer minScore = null;
		String config = null;
		String color = "auto";
		boolean help = false;
		boolean list = false;
		boolean optionsEnded = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
				inputs.add(arg);
				continue;
			}
			String name = arg;
			String inline = null;
			int equals = arg.indexOf('=');
			if (arg.startsWith("--") && equals > 0) {
				name = arg.substring(0, equals);
				inline = arg.substring(equals + 1);
			}
			switch (name) {
				case "--" -> optionsEnded = true;
				case "-h", "--help" -> help = true;
				case "--list" -> list = true;
				case "-o", "--format", "--output" -> {
					format = value(args, ++i, inline, name).toLowerCase(Locale.ROOT);
					if (inline != null) {
						i--;
					}
					if (!FORMATS.contains(format)) {
						throw new UsageException("unknown format '" + format + "': use text, json, sarif or junit");
					}
				}
				case "--fail-on" -> {
					String level = value(args, ++i, inline, name);
					if (inline != null) {
						i--;
					}
					failOn = level.equalsIgnoreCase("none") ? null : Severity.parse(level);
					if (failOn == null && !level.equalsIgnoreCase("none")) {
						throw new UsageException("unknown level '" + level + "' for --fail-on: use danger, warning, info or none");
					}
				}
				case "--min-score" -> {
					String text = value(args, ++i, inline, name);
					if (inline != null) {
						i--;
					}
					try {
						minScore = Integer.parseInt(text);
					}
					catch (NumberFormatException ex) {
						minScore = -1;
					}
					if (minScore < 0 || minScore > 100) {
						throw new UsageException("--min-score needs a number from 0 to 100, not '" + text + "'");
					}
				}
				case "-c", "--config" -> {
					config = value(args, ++i, inline, name);
					if (inline != null) {
						i--;
					}
				}
				case "--color", "--colour" -> {
					color = value(args, ++i, inline, name).toLowerCase(Locale.ROOT);
					if (inline != null) {
						i--;
					}
					if (!List.of("auto", "always", "never").contains(color)) {
						throw new UsageException("unknown --color '" + color + "': use auto, always or never");
					}
				}
				case "--no-color" -> color = "never";
				default -> throw new UsageException("unknown option " + arg);
			}
		}
		return new Options(inputs, format, failOn, minScore, config, color, help, list);
	}

	private static String value(String[] args, int index, @Nullable String inline, String name) {
		if (inline != null) {
			return inline;
		}
		if (index >= args.length || (args[index].startsWith("-") && !args[index].equals("-"))) {
			throw new UsageException(name + " needs a value");
		}
		return args[index];
	}

}
