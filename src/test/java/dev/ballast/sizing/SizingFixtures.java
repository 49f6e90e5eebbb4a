package dev.ballast.sizing;

import java.nio.file.Path;
import java.util.List;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestReader;

/** Snapshots for the sizing tests. */
final class SizingFixtures {

	private SizingFixtures() {
	}

	static ClusterSnapshot small() {
		return new ManifestReader().read("small", List.of(Path.of("src/test/resources/fixtures/sizing/small.yaml")));
	}

	static ClusterSnapshot demo() {
		return new ManifestReader().read("demo", List.of(Path.of("src/main/resources/demo")));
	}

}
