package dev.ballast.scan.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code snapshot} analysis document read back for the scan page: where the snapshot came
 * from and how many objects of each kind it held.
 *
 * @param version the version of the document's shape
 * @param origin {@code live} or {@code manifests}
 * @param takenAt when the snapshot was taken, {@code null} if the document does not say
 * @param kinds objects per kind the model holds, by kind's name
 * @param otherKinds objects of kinds the model does not hold (custom resources and the like)
 * @param secretsDropped Secrets that were seen and dropped unread
 */
public record SnapshotOverview(int version, String origin, @Nullable Instant takenAt, Map<String, Integer> kinds,
		Map<String, Integer> otherKinds, int secretsDropped) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads a stored document.
	 * @param version the version it was stored with
	 * @param json the document
	 * @return the overview, or {@code null} for a version this reader does not know
	 */
	public static @Nullable SnapshotOverview read(int version, String json) {
		if (version != SnapshotSummary.VERSION) {
			return null;
		}
		JsonNode document = JSON.readTree(json);
		return new SnapshotOverview(version, document.path("origin").asString(""),
				instant(document.path("takenAt").asString("")), counts(document.path("kinds")),
				counts(document.path("otherKinds")), document.path("secretsDropped").asInt(0));
	}

	/** The kind of the document in {@code scan_analysis}. */
	public static String kind() {
		return SnapshotSummary.KIND;
	}

	private static @Nullable Instant instant(String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Map<String, Integer> counts(JsonNode node) {
		Map<String, Integer> counts = new TreeMap<>();
		node.properties().forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asInt()));
		return counts;
	}

}
