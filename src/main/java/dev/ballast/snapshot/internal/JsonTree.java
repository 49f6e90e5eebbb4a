package dev.ballast.snapshot.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import org.jspecify.annotations.Nullable;

/**
 * The raw view of an object: a JSON-compatible tree (maps, lists, strings, {@code Long} or
 * {@code Double} numbers, booleans, {@code null}) kept as compact UTF-8 JSON between uses.
 * {@code metadata.managedFields} and the {@code kubectl.kubernetes.io/last-applied-configuration}
 * annotation are left out: they repeat the object.
 */
public final class JsonTree {

	/** The annotation {@code kubectl apply} writes, a second copy of the object. */
	public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

	/**
	 * Map-valued fields of the client-java models, which it creates empty for absent fields. Empty
	 * objects elsewhere ({@code emptyDir: {}}, {@code podSelector: {}}) mean something and stay.
	 */
	private static final Set<String> MAP_FIELDS = Set.of("allocatable", "allocatedResources", "annotations",
			"binaryData", "capacity", "data", "default", "defaultRequest", "hard", "labels", "limits", "matchLabels",
			"max", "maxLimitRequestRatio", "min", "nodeSelector", "overhead", "parameters", "requests", "used");

	private JsonTree() {
	}

	/**
	 * Compact JSON of a tree read from a manifest.
	 * @param tree the object
	 * @return UTF-8 JSON
	 */
	public static byte[] write(Map<String, Object> tree) {
		JsonElement json = KubernetesJson.GSON.toJsonTree(tree);
		strip(json);
		return KubernetesJson.GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Compact JSON of a typed client-java object. Empty lists and maps are left out: client-java
	 * creates them for absent fields, and the API server omits them.
	 * List items from an API server carry no {@code apiVersion} and {@code kind}; they are set.
	 * @param object the typed object
	 * @param apiVersion the apiVersion to set if absent
	 * @param kind the kind to set if absent
	 * @return UTF-8 JSON
	 */
	public static byte[] writeTyped(Object object, String apiVersion, String kind) {
		JsonElement json = KubernetesJson.GSON.toJsonTree(object);
		if (json instanceof JsonObject root) {
			if (!root.has("apiVersion")) {
				root.addProperty("apiVersion", apiVersion);
			}
			if (!root.has("kind")) {
				root.addProperty("kind", kind);
			}
		}
		prune(json, null);
		strip(json);
		return KubernetesJson.GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Parses compact JSON back into an unmodifiable tree.
	 * @param json UTF-8 JSON of an object
	 * @return the object
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parse(byte[] json) {
		try (JsonReader reader = new JsonReader(
				new InputStreamReader(new java.io.ByteArrayInputStream(json), StandardCharsets.UTF_8))) {
			Object value = read(reader);
			return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static @Nullable Object read(JsonReader reader) throws IOException {
		switch (reader.peek()) {
			case BEGIN_OBJECT -> {
				Map<String, Object> map = new LinkedHashMap<>();
				reader.beginObject();
				while (reader.hasNext()) {
					map.put(reader.nextName(), read(reader));
				}
				reader.endObject();
				return Collections.unmodifiableMap(map);
			}
			case BEGIN_ARRAY -> {
				List<Object> list = new ArrayList<>();
				reader.beginArray();
				while (reader.hasNext()) {
					list.add(read(reader));
				}
				reader.endArray();
				return Collections.unmodifiableList(list);
			}
			case STRING -> {
				return reader.nextString();
			}
			case NUMBER -> {
				return number(reader.nextString());
			}
			case BOOLEAN -> {
				return reader.nextBoolean();
			}
			default -> {
				reader.nextNull();
				return null;
			}
		}
	}

	private static Object number(String text) {
		if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
			return Double.parseDouble(text);
		}
		BigInteger value = new BigInteger(text);
		return (value.bitLength() < 64) ? (Object) value.longValue() : value;
	}

	private static void strip(JsonElement json) {
		if (json.isJsonObject() && json.getAsJsonObject().get("metadata") instanceof JsonObject metadata) {
			metadata.remove("managedFields");
			if (metadata.get("annotations") instanceof JsonObject annotations) {
				annotations.remove(LAST_APPLIED);
			}
		}
	}

	private static boolean prune(JsonElement json, @Nullable String key) {
		if (json instanceof JsonObject object) {
			Iterator<Map.Entry<String, JsonElement>> entries = object.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<String, JsonElement> entry = entries.next();
				if (prune(entry.getValue(), entry.getKey())) {
					entries.remove();
				}
			}
			return object.isEmpty() && key != null && MAP_FIELDS.contains(key);
		}
		if (json instanceof JsonArray array) {
			for (JsonElement element : array) {
				prune(element, null);
			}
			return array.isEmpty();
		}
		return json.isJsonNull();
	}

}
