package dev.ballast.snapshot.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, read as a stream: each item becomes its client-java model as it is read,
 * without building the page's JSON tree or text first, and without its {@code managedFields}.
 *
 * @param items the page's items: typed models, or maps for the {@link ObjectRouter}
 * @param next the continue token, or {@code null} on the last page
 */
record ListPage(List<Object> items, @Nullable String next) {

	/** {@link KubernetesJson#GSON} skipping {@code metadata.managedFields}: big, and of no use to Ballast. */
	private static final Gson GSON = KubernetesJson.GSON.newBuilder()
		.addDeserializationExclusionStrategy(new ExclusionStrategy() {

			@Override
			public boolean shouldSkipField(FieldAttributes field) {
				return field.getDeclaringClass() == V1ObjectMeta.class && field.getName().equals("managedFields");
			}

			@Override
			public boolean shouldSkipClass(Class<?> type) {
				return false;
			}

		})
		.create();

	/**
	 * Reads a Kubernetes list ({@code {"metadata": {"continue": ...}, "items": [...]}}).
	 * @param in the body
	 * @param model the items' model, or {@code null} to read them as maps
	 * @param next told the continue token as soon as it is read, before the items (the server sends
	 * the list's metadata first)
	 * @return the page
	 * @throws IOException if the body cannot be read or is not JSON
	 */
	static ListPage read(Reader in, @Nullable Class<?> model, Consumer<String> next) throws IOException {
		List<Object> items = new ArrayList<>();
		String token = null;
		try (JsonReader json = new JsonReader(in)) {
			json.beginObject();
			while (json.hasNext()) {
				String name = json.nextName();
				if (name.equals("metadata") && json.peek() == JsonToken.BEGIN_OBJECT) {
					token = continueToken(json);
					if (token != null && !token.isEmpty()) {
						next.accept(token);
					}
				}
				else if (name.equals("items") && json.peek() == JsonToken.BEGIN_ARRAY) {
					json.beginArray();
					while (json.hasNext()) {
						items.add(GSON.fromJson(json, (model != null) ? model : Map.class));
					}
					json.endArray();
				}
				else {
					json.skipValue();
				}
			}
			json.endObject();
		}
		return new ListPage(items, (token == null || token.isEmpty()) ? null : token);
	}

	private static @Nullable String continueToken(JsonReader json) throws IOException {
		String next = null;
		json.beginObject();
		while (json.hasNext()) {
			if (json.nextName().equals("continue") && json.peek() == JsonToken.STRING) {
				next = json.nextString();
			}
			else {
				json.skipValue();
			}
		}
		json.endObject();
		return next;
	}

}
