package dev.ballast.snapshot.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Small helpers to write Kubernetes objects as ordered maps, and a dumper that writes them as
 * {@code kubectl} would: block style, multi-line strings as literal blocks.
 */
final class Yaml {

	private Yaml() {
	}

	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				map.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return map;
	}

	static List<Object> list(Object... items) {
		return new ArrayList<>(Arrays.asList(items));
	}

	static Map<String, Object> object(String apiVersion, String kind, Map<String, Object> metadata,
			Object... rest) {
		Map<String, Object> object = map("apiVersion", apiVersion, "kind", kind, "metadata", metadata);
		object.putAll(map(rest));
		return object;
	}

	static Map<String, Object> meta(String namespace, String name, Object... rest) {
		Map<String, Object> metadata = map("name", name, "namespace", namespace);
		metadata.putAll(map(rest));
		return metadata;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> at(Map<String, Object> map, String... path) {
		Map<String, Object> current = map;
		for (String key : path) {
			current = (Map<String, Object>) current.computeIfAbsent(key, (k) -> new LinkedHashMap<>());
		}
		return current;
	}

	static String dump(String header, List<Map<String, Object>> objects) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setWidth(120);
		options.setExplicitStart(true);
		org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new LiteralRepresenter(options), options);
		StringBuilder text = new StringBuilder(header);
		for (Map<String, Object> object : objects) {
			text.append(yaml.dump(copy(object)));
		}
		return text.toString();
	}

	/** A deep copy, so that no map or list appears twice and the dump has no aliases. */
	private static Object copy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, copy(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(copy(item)));
			return copy;
		}
		return value;
	}

	/** Writes multi-line strings as literal blocks. */
	private static final class LiteralRepresenter extends Representer {

		LiteralRepresenter(DumperOptions options) {
			super(options);
			Represent strings = this.representers.get(String.class);
			this.representers.put(String.class, (data) -> {
				String text = (String) data;
				if (text.contains("\n")) {
					return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL);
				}
				Node node = strings.representData(data);
				return node;
			});
		}

	}

}
