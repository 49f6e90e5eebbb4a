package dev.ballast.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.ballast.checks.Subject;

/**
 * Where objects and fields are in the manifest files, for findings that say {@code web.yaml:27}
 * and SARIF results GitHub can annotate. The files were already read (safely) by the manifest
 * reader; this composes their YAML again, with line marks, under the same kind of limits.
 * Objects in archives have no location.
 */
public final class Locations {

	private static final Set<String> CLUSTER_SCOPED = Set.of("Node", "Namespace", "ClusterRole",
			"ClusterRoleBinding", "PriorityClass");

	private final Map<Subject, Place> objects = new HashMap<>();

	/**
	 * Indexes files and folders ({@code *.yaml}, {@code *.yml}, {@code *.json}).
	 * @param inputs the inputs as given on the command line
	 * @return the locations
	 */
	public static Locations of(List<Path> inputs) {
		Locations locations = new Locations();
		for (Path input : inputs) {
			try (Stream<Path> files = Files.isDirectory(input) ? Files.walk(input) : Stream.of(input)) {
				for (Path file : files.filter(Files::isRegularFile).filter(Locations::text).sorted().toList()) {
					try (InputStream in = Files.newInputStream(file)) {
						locations.index(file.toString(), in);
					}
				}
			}
			catch (IOException ex) {
				// the manifest reader reported unreadable inputs already; no locations for these
			}
		}
		return locations;
	}

	/**
	 * Indexes one stream (standard input).
	 * @param name its name in reports
	 * @param in the text
	 * @return the locations
	 */
	public static Locations of(String name, InputStream in) {
		Locations locations = new Locations();
		locations.index(name, in);
		return locations;
	}

	/**
	 * Where a field of an object is: the line of the field, or of its nearest parent that exists.
	 * @param subject the object
	 * @param path the field path, e.g. {@code spec.template.spec.containers[0].image}
	 * @return the location, or {@code null} if the object is not in a file
	 */
	public @Nullable Location find(Subject subject, String path) {
		Place place = this.objects.get(new Subject(subject.kind(), scoped(subject.kind(), subject.namespace()),
				subject.name()));
		if (place == null) {
			return null;
		}
		return new Location(place.file(), line(place.node(), path));
	}

	private void index(String file, InputStream in) {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(50);
		options.setNestingDepthLimit(100);
		options.setCodePointLimit(50 * 1024 * 1024);
		options.setAllowDuplicateKeys(true);
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			for (Node document : new Yaml(options).composeAll(reader)) {
				object(file, document);
			}
		}
		catch (IOException | YAMLException ex) {
			// invalid YAML was reported by the manifest reader; keep what was indexed
		}
	}

	private void object(String file, @Nullable Node node) {
		if (!(node instanceof MappingNode mapping)) {
			return;
		}
		String kind = scalar(child(mapping, "kind"));
		Node items = child(mapping, "items");
		if (kind != null && kind.endsWith("List") && items instanceof SequenceNode list) {
			list.getValue().forEach((item) -> object(file, item));
			return;
		}
		Node metadata = child(mapping, "metadata");
		String name = (metadata instanceof MappingNode meta) ? scalar(child(meta, "name")) : null;
		String namespace = (metadata instanceof MappingNode meta) ? scalar(child(meta, "namespace")) : null;
		if (kind != null && name != null) {
			this.objects.putIfAbsent(new Subject(kind, scoped(kind, (namespace != null) ? namespace : "default"), name),
					new Place(file, mapping));
		}
	}

	private static String scoped(String kind, String namespace) {
		return CLUSTER_SCOPED.contains(kind) ? "" : namespace;
	}

	private static int line(Node root, String path) {
		Node current = root;
		String[] parts = path.replaceAll("\\[(\\d+)]", ".[$1]").split("\\.");
		int i = 0;
		while (i < parts.length) {
			Node next = null;
			int used = 1;
			if (parts[i].startsWith("[") && current instanceof SequenceNode sequence) {
				int index = Integer.parseInt(parts[i].substring(1, parts[i].length() - 1));
				next = (index < sequence.getValue().size()) ? sequence.getValue().get(index) : null;
			}
			else if (current instanceof MappingNode mapping) {
				for (int j = parts.length; j > i && next == null; j--) {
					next = child(mapping, String.join(".", java.util.Arrays.copyOfRange(parts, i, j)));
					used = j - i;
				}
			}
			if (next == null) {
				break;
			}
			current = next;
			i += used;
		}
		return current.getStartMark().getLine() + 1;
	}

	private static @Nullable Node child(MappingNode mapping, String key) {
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue())) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	private static @Nullable String scalar(@Nullable Node node) {
		return (node instanceof ScalarNode scalar) ? scalar.getValue() : null;
	}

	private static boolean text(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
	}

	/**
	 * A place in a file.
	 *
	 * @param file the file as given
	 * @param line the 1-based line
	 */
	public record Location(String file, int line) {

		@Override
		public String toString() {
			return this.file + ":" + this.line;
		}

	}

	private record Place(String file, MappingNode node) {
	}

}
