package dev.ballast.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check of the catalogue fires on each of its failing fixtures and stays quiet on each of
 * its passing ones ({@code fixtures/checks/<id>/fail-*.yaml}, {@code pass-*.yaml}). A check
 * without both fails here, and so does a fixture folder that names no check. Every other check
 * runs over every fixture too, so none may crash on any of them. Folders starting with {@code _}
 * hold other samples ({@code _examples}: the Kubernetes documentation's examples).
 */
class CheckFixturesTests {

	private static final Path FIXTURES = Path.of("src/test/resources/fixtures/checks");

	private static final CheckEngine ENGINE = CheckEngine.standard();

	static Stream<String> checkIds() {
		return ENGINE.catalogue().stream().map(CheckDefinition::id);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("checkIds")
	void firesOnFailingFixturesAndStaysQuietOnPassingOnes(String id) throws IOException {
		List<Path> failing = fixtures(id, "fail-");
		List<Path> passing = fixtures(id, "pass-");
		assertThat(failing).as("failing fixtures of %s in %s", id, FIXTURES.resolve(id)).isNotEmpty();
		assertThat(passing).as("passing fixtures of %s in %s", id, FIXTURES.resolve(id)).isNotEmpty();
		for (Path fixture : failing) {
			CheckReport report = run(fixture);
			List<Finding> findings = report.findings().stream().filter((finding) -> finding.checkId().equals(id)).toList();
			assertThat(findings).as("%s fires on %s", id, fixture).isNotEmpty();
			for (Finding finding : findings) {
				assertThat(finding.counts()).as("not exempted: %s", finding).isTrue();
				assertThat(finding.actual()).as("actual value of %s", finding).isNotBlank();
				assertThat(finding.path()).as("field path of %s", finding).isNotBlank();
				if (finding.check().target() == Target.CONTAINER) {
					assertThat(finding.container()).as("container of %s", finding).isNotBlank();
				}
			}
			assertNoCheckFailed(report, fixture);
		}
		for (Path fixture : passing) {
			CheckReport report = run(fixture);
			assertThat(report.findings()).as("%s stays quiet on %s", id, fixture)
				.noneMatch((finding) -> finding.checkId().equals(id));
			assertNoCheckFailed(report, fixture);
		}
	}

	@Test
	void everyFixtureFolderNamesACheck() throws IOException {
		Set<String> ids = new TreeSet<>(checkIds().toList());
		try (Stream<Path> folders = Files.list(FIXTURES)) {
			assertThat(folders.map((folder) -> folder.getFileName().toString()).filter((name) -> !name.startsWith("_")))
				.allMatch(ids::contains);
		}
	}

	private static void assertNoCheckFailed(CheckReport report, Path fixture) {
		assertThat(report.warnings()).as("warnings on %s", fixture).noneMatch((warning) -> warning.contains("failed"));
		assertThat(report.results()).as("checks on %s", fixture).allMatch((result) -> result.skipped() == null);
	}

	private static CheckReport run(Path fixture) {
		ClusterSnapshot snapshot = new ManifestReader().read("fixture", List.of(fixture));
		return ENGINE.run(snapshot, CheckConfiguration.none());
	}

	private static List<Path> fixtures(String id, String prefix) throws IOException {
		Path folder = FIXTURES.resolve(id);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.getFileName().toString().startsWith(prefix)
					&& file.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
	}

}
