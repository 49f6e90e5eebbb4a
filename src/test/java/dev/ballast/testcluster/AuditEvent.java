package dev.ballast.testcluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One request as the API server's audit log records it (level Metadata).
 *
 * @param user the authenticated user name, e.g. {@code ballast-reader}
 * @param verb {@code get}, {@code list}, {@code watch}, {@code create}, ...
 * @param resource the resource, e.g. {@code secrets} (empty for non-resource URLs)
 * @param namespace the namespace, empty when cluster-wide
 * @param code the HTTP status answered
 * @param requestUri the request path and query
 */
public record AuditEvent(String user, String verb, String resource, String namespace, int code, String requestUri) {

	static AuditEvent parse(String line) {
		JsonObject event = JsonParser.parseString(line).getAsJsonObject();
		JsonObject ref = event.has("objectRef") ? event.getAsJsonObject("objectRef") : new JsonObject();
		JsonObject status = event.has("responseStatus") ? event.getAsJsonObject("responseStatus") : new JsonObject();
		return new AuditEvent(text(event.getAsJsonObject("user").get("username")), text(event.get("verb")),
				text(ref.get("resource")), text(ref.get("namespace")),
				status.has("code") ? status.get("code").getAsInt() : 0, text(event.get("requestURI")));
	}

	private static String text(JsonElement element) {
		return (element != null && !element.isJsonNull()) ? element.getAsString() : "";
	}

}
