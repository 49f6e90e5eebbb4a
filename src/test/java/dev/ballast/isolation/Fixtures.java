package dev.ballast.isolation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ballast.isolation.NetworkIsolation.PodGroup;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestReader;

/**
 * Snapshots for the isolation tests: the netpol e2e model of {@code fixtures/isolation/base.yaml}
 * plus a scenario's objects.
 */
final class Fixtures {

	static final Path DIRECTORY = Path.of("src/test/resources/fixtures/isolation");

	private Fixtures() {
	}

	static String file(String name) {
		try {
			return Files.readString(DIRECTORY.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ClusterSnapshot read(String yaml) {
		return new ManifestReader().read("test", "test.yaml",
				new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	static NetworkIsolation model(String extra) {
		return NetworkIsolation.of(read(file("base.yaml") + "\n---\n" + extra));
	}

	/**
	 * The group of a pod of the model, named {@code ns/pod} by its {@code pod} label (or {@code kube-system/coredns}).
	 */
	static int group(NetworkIsolation network, String name) {
		String[] parts = name.split("/");
		for (int i = 0; i < network.groups().size(); i++) {
			PodGroup group = network.groups().get(i);
			if (group.namespace().equals(parts[0]) && group.workloads().contains("Pod/" + parts[1])) {
				return i;
			}
		}
		throw new IllegalArgumentException("No group for " + name);
	}

}
