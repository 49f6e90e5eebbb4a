package dev.ballast.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manifest files bundled for the demo cluster, and an inventory of what they hold. The
 * files are read once, with SnakeYAML's safe constructor (plain maps and lists only).
 */
@Component
class DemoManifests {

	static final String LOCATION = "classpath:demo/";

	private final Inventory inventory;

	DemoManifests() {
		this.inventory = read();
	}

	/**
	 * What the demo manifests hold.
	 *
	 * @param files the bundled files, by name
	 * @param kinds number of objects per kind
	 */
	record Inventory(List<String> files, Map<String, Integer> kinds) {

		public int count(String kind) {
			return this.kinds.getOrDefault(kind, 0);
		}

		public int workloads() {
			return count("Deployment") + count("StatefulSet") + count("DaemonSet") + count("Job") + count("CronJob");
		}

	}

	Inventory inventory() {
		return this.inventory;
	}

	private static Inventory read() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION + "*.yaml");
			List<String> files = new ArrayList<>();
			Map<String, Integer> kinds = new TreeMap<>();
			for (Resource resource : sorted(resources)) {
				files.add(resource.getFilename());
				try (InputStream in = resource.getInputStream()) {
					for (Object document : yaml().loadAll(in)) {
						if (document instanceof Map<?, ?> object && object.get("kind") instanceof String kind) {
							kinds.merge(kind, 1, Integer::sum);
						}
					}
				}
			}
			return new Inventory(List.copyOf(files), java.util.Collections.unmodifiableMap(kinds));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the bundled demo manifests", ex);
		}
	}

	private static List<Resource> sorted(Resource[] resources) {
		List<Resource> list = new ArrayList<>(List.of(resources));
		list.sort(Comparator.comparing((r) -> String.valueOf(r.getFilename())));
		return list;
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(50);
		options.setAllowDuplicateKeys(false);
		return new Yaml(new SafeConstructor(options));
	}

}
