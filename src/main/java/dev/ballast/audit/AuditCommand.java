package dev.ballast.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.ballast.audit.internal.AuditResult;
import dev.ballast.audit.internal.ConfigFile;
import dev.ballast.audit.internal.JsonFormat;
import dev.ballast.audit.internal.JunitFormat;
import dev.ballast.audit.internal.Locations;
import dev.ballast.audit.internal.Options;
import dev.ballast.audit.internal.SarifFormat;
import dev.ballast.audit.internal.TextFormat;
import dev.ballast.audit.internal.UsageException;
import dev.ballast.checks.CheckConfiguration;
import dev.ballast.checks.CheckDefinition;
import dev.ballast.checks.CheckEngine;
import dev.ballast.checks.CheckReport;
import dev.ballast.checks.CheckTexts;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestException;
import dev.ballast.snapshot.ManifestProblem;
import dev.ballast.snapshot.ManifestReader;

/**
 * {@code java -jar ballast.jar audit [options] <file|folder|->...}: the checks of a live scan,
 * run on manifest files in plain Java, without Spring, a database or a web server, for CI
 * pipelines. Exit status 0 when the thresholds pass, 1 when they fail, 2 on bad input.
 */
public final class AuditCommand {

	/** The thresholds passed. */
	public static final int PASSED = 0;

	/** A threshold ({@code --fail-on}, {@code --min-score}) failed. */
	public static final int FAILED = 1;

	/** Bad input: arguments, configuration, unreadable or invalid manifests, no objects. */
	public static final int BAD_INPUT = 2;

	private static final String STDIN = "<stdin>";

	private AuditCommand() {
	}

	/**
	 * Runs the audit in this process and exits with its status.
	 * @param args the arguments after {@code audit}
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.in, System.out, System.err));
	}

	/**
	 * Runs the audit.
	 * @param args the arguments after {@code audit}
	 * @param in standard input, read for {@code -}
	 * @param out where the report goes
	 * @param err where warnings and errors go
	 * @return the exit status: {@link #PASSED}, {@link #FAILED} or {@link #BAD_INPUT}
	 */
	public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		try {
			Options options = Options.parse(args);
			if (options.help()) {
				out.print(Options.USAGE);
				return PASSED;
			}
			CheckEngine engine = CheckEngine.standard();
			if (options.list()) {
				list(engine, out);
				return PASSED;
			}
			if (options.inputs().isEmpty()) {
				throw new UsageException("no input: name manifest files or folders, or - for standard input");
			}
			List<String> warnings = new ArrayList<>();
			CheckConfiguration configuration = (options.config() != null)
					? ConfigFile.read(Path.of(options.config()), engine, warnings) : CheckConfiguration.defaults();
			Input input = read(options.inputs(), in);
			int objects = count(input.snapshot());
			if (objects == 0) {
				throw new UsageException("no Kubernetes objects found in " + String.join(", ", options.inputs()));
			}
			warnings.addAll(input.snapshot().source().warnings());
			CheckReport report = engine.run(input.snapshot(), configuration);
			warnings.addAll(report.warnings());
			for (String warning : warnings) {
				err.println("warning: " + warning);
			}
			AuditResult result = new AuditResult(report, input.locations(), objects, options.failOn(), options.minScore(),
					version());
			switch (options.format()) {
				case "json" -> new JsonFormat().write(result, out);
				case "sarif" -> new SarifFormat().write(result, out);
				case "junit" -> new JunitFormat().write(result, out);
				default -> new TextFormat(color(options.color(), out)).write(result, out);
			}
			out.flush();
			return result.passed() ? PASSED : FAILED;
		}
		catch (UsageException ex) {
			err.println("ballast audit: " + ex.getMessage());
			err.println("Run 'java -jar ballast.jar audit --help' for usage.");
			return BAD_INPUT;
		}
		catch (ManifestException ex) {
			err.println("ballast audit: the manifests have " + ex.total() + " problem" + ((ex.total() == 1) ? "" : "s") + ":");
			for (ManifestProblem problem : ex.problems()) {
				err.println("  " + problem);
			}
			if (ex.total() > ex.problems().size()) {
				err.println("  and " + (ex.total() - ex.problems().size()) + " more");
			}
			return BAD_INPUT;
		}
	}

	private static Input read(List<String> inputs, InputStream in) {
		ManifestReader reader = new ManifestReader();
		if (inputs.contains("-")) {
			if (inputs.size() > 1) {
				throw new UsageException("- (standard input) cannot be combined with files");
			}
			byte[] bytes;
			try {
				bytes = in.readNBytes((int) ManifestReader.Settings.DEFAULT_MAX_TOTAL_BYTES + 1);
			}
			catch (IOException ex) {
				throw new UsageException("standard input cannot be read: " + ex.getMessage());
			}
			ClusterSnapshot snapshot = reader.read("manifests", STDIN, new ByteArrayInputStream(bytes));
			return new Input(snapshot, Locations.of(STDIN, new ByteArrayInputStream(bytes)));
		}
		List<Path> paths = inputs.stream().map(Path::of).toList();
		return new Input(reader.read("manifests", paths), Locations.of(paths));
	}

	static int count(ClusterSnapshot snapshot) {
		int objects = snapshot.nodes().size() + snapshot.namespaces().size() + snapshot.workloads().size()
				+ snapshot.pods().size() + snapshot.services().size() + snapshot.ingresses().size()
				+ snapshot.networkPolicies().size() + snapshot.limitRanges().size() + snapshot.resourceQuotas().size()
				+ snapshot.disruptionBudgets().size() + snapshot.autoscalers().size() + snapshot.priorityClasses().size()
				+ snapshot.roles().size() + snapshot.clusterRoles().size() + snapshot.roleBindings().size()
				+ snapshot.clusterRoleBindings().size() + snapshot.serviceAccounts().size() + snapshot.configMaps().size()
				+ snapshot.source().secretsDropped();
		for (int other : snapshot.source().otherKinds().values()) {
			objects += other;
		}
		return objects;
	}

	private static void list(CheckEngine engine, PrintStream out) {
		CheckTexts texts = CheckTexts.english();
		for (CheckDefinition check : engine.catalogue()) {
			out.printf("%-38s %-12s %-8s %-13s %s%n", check.id(), check.category().key(), check.severity().key(),
					check.target().key(), texts.title(check));
		}
	}

	private static boolean color(String mode, PrintStream out) {
		if (mode.equals("always") || mode.equals("never")) {
			return mode.equals("always");
		}
		return out == System.out && System.console() != null && System.getenv("NO_COLOR") == null
				&& !"dumb".equals(System.getenv("TERM"));
	}

	static String version() {
		String version = AuditCommand.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

	/** The snapshot read and where its objects are. */
	private record Input(ClusterSnapshot snapshot, Locations locations) {
	}

}
