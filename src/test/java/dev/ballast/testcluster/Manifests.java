package dev.ballast.testcluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Kubernetes objects of a folder of manifests, as JSON. */
final class Manifests {

	private static final Gson GSON = new Gson();

	private Manifests() {
	}

	/**
	 * The objects of {@code *.yaml}, {@code *.yml} and {@code *.json} files in file-name order,
	 * multi-document files and {@code kind: List} expanded.
	 */
	static List<JsonObject> read(Path directory) throws IOException {
		List<JsonObject> objects = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> list = Files.list(directory)) {
			files = list.filter((file) -> file.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
		}
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		for (Path file : files) {
			try (Reader reader = Files.newBufferedReader(file)) {
				for (Object document : yaml.loadAll(reader)) {
					if (document != null) {
						add(objects, GSON.toJsonTree(document));
					}
				}
			}
		}
		return objects;
	}

	static JsonObject parse(String json) {
		return GSON.fromJson(json, JsonObject.class);
	}

	static JsonObject metadata(JsonObject object) {
		if (!object.has("metadata")) {
			object.add("metadata", new JsonObject());
		}
		return object.getAsJsonObject("metadata");
	}

	/** Labels Namespaces and Nodes with {@code key: value}. */
	static void label(JsonObject object, String value, String key) {
		String kind = object.get("kind").getAsString();
		if ("Namespace".equals(kind) || "Node".equals(kind)) {
			JsonObject metadata = metadata(object);
			if (!metadata.has("labels")) {
				metadata.add("labels", new JsonObject());
			}
			metadata.getAsJsonObject("labels").addProperty(key, value);
		}
	}

	private static void add(List<JsonObject> objects, JsonElement element) {
		JsonObject object = element.getAsJsonObject();
		if (object.has("items") && object.get("kind").getAsString().endsWith("List")) {
			object.getAsJsonArray("items").forEach((item) -> add(objects, item));
		}
		else {
			objects.add(object);
		}
	}

}
