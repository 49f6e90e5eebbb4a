package dev.ballast.snapshot.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.custom.Quantity;

/**
 * client-java's JSON mapping without its strict per-model validation: fields a newer Kubernetes
 * added (or a manifest misspelt) are ignored instead of failing the whole object, and required
 * fields are not enforced, as the API server would have. Date-times, quantities and int-or-string
 * values map as in client-java; {@code managedFields} are left out. Quantities are parsed once per
 * distinct text (a cluster repeats a few hundred of them across all its pods).
 */
public final class KubernetesJson {

	/**
	 * The lenient Gson: plain reflection over the models' {@code @SerializedName} fields, with
	 * {@code Quantity} and {@code IntOrString} mapped by their own {@code @JsonAdapter}s. Not
	 * client-java's {@code JSON}, whose static setup loads every one of its ~900 model classes
	 * (about two seconds, which the audit command's start cannot afford).
	 */
	public static final Gson GSON = new GsonBuilder()
		.registerTypeAdapter(OffsetDateTime.class, new DateTimeAdapter().nullSafe())
		.registerTypeAdapter(byte[].class, new Base64Adapter().nullSafe())
		.registerTypeAdapter(Quantity.class, new QuantityAdapter().nullSafe())
		.disableHtmlEscaping()
		.create();

	private KubernetesJson() {
	}

	/**
	 * Converts a JSON-compatible tree to a client-java model.
	 * @param <T> the model type
	 * @param tree the object as maps, lists and scalars
	 * @param type the model class
	 * @return the typed object
	 * @throws JsonParseException (or {@link IllegalArgumentException}) if a field has the wrong
	 * shape, naming its path where Gson knows it
	 */
	public static <T> T typed(Map<String, Object> tree, Class<T> type) {
		return GSON.fromJson(GSON.toJsonTree(tree), type);
	}

	private static final class DateTimeAdapter extends TypeAdapter<OffsetDateTime> {

		@Override
		public void write(JsonWriter out, OffsetDateTime value) throws IOException {
			out.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
		}

		@Override
		public OffsetDateTime read(JsonReader in) throws IOException {
			String text = in.nextString();
			try {
				return OffsetDateTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				try {
					return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
				}
				catch (DateTimeParseException notADate) {
					throw new JsonParseException("'" + text + "' is not an RFC 3339 date-time at " + in.getPath());
				}
			}
		}

	}

	/**
	 * client-java's Quantity parsing and formatting (regular expressions, BigDecimal), cached: by
	 * text, and by value for writing.
	 */
	private static final class QuantityAdapter extends TypeAdapter<Quantity> {

		private static final int MAX_CACHED = 10_000;

		private final Map<String, Quantity> parsed = new ConcurrentHashMap<>();

		private final Map<Quantity, String> formatted = new ConcurrentHashMap<>();

		@Override
		public void write(JsonWriter out, Quantity value) throws IOException {
			String text = this.formatted.get(value);
			if (text == null) {
				text = value.toSuffixedString();
				if (this.formatted.size() < MAX_CACHED) {
					this.formatted.put(value, text);
				}
			}
			out.value(text);
		}

		@Override
		public Quantity read(JsonReader in) throws IOException {
			String text = in.nextString(); // a number too: "cpu": 2
			Quantity quantity = this.parsed.get(text);
			if (quantity == null) {
				quantity = Quantity.fromString(text);
				if (this.parsed.size() < MAX_CACHED) {
					this.parsed.put(text, quantity);
				}
			}
			return quantity;
		}

	}

	private static final class Base64Adapter extends TypeAdapter<byte[]> {

		@Override
		public void write(JsonWriter out, byte[] value) throws IOException {
			out.value(Base64.getEncoder().encodeToString(value));
		}

		@Override
		public byte[] read(JsonReader in) throws IOException {
			try {
				return Base64.getMimeDecoder().decode(in.nextString());
			}
			catch (IllegalArgumentException ex) {
				throw new JsonParseException("invalid base64 at " + in.getPath());
			}
		}

	}

}
