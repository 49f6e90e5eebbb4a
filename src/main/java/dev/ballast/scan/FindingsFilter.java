package dev.ballast.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter of the findings explorer as the form sent it, with the same parameter names as
 * {@code /api/v1/findings}, so a page and its export read the same findings. Nothing here is
 * refused: {@link #problems(Set, Set)} says what cannot be used, field by field.
 *
 * @param cluster a cluster's name, or {@code null} for every cluster
 * @param namespace only this namespace
 * @param workload only subjects of this name
 * @param kind only subjects of this kind
 * @param check only this check
 * @param severity only these severities; empty for all
 * @param state {@code failing} (the default), {@code new}, {@code fixed}, {@code exempted} or {@code all}
 */
record FindingsFilter(@Nullable String cluster, @Nullable String namespace, @Nullable String workload,
		@Nullable String kind, @Nullable String check, List<String> severity, String state) {

	static final List<String> SEVERITIES = List.of("danger", "warning", "info");

	/** The states in the order the form offers them. */
	static final List<String> STATES = List.of("failing", "new", "fixed", "exempted", "all");

	FindingsFilter {
		severity = List.copyOf(severity);
	}

	static FindingsFilter of(@Nullable String cluster, @Nullable String namespace, @Nullable String workload,
			@Nullable String kind, @Nullable String check, @Nullable List<String> severity, @Nullable String state) {
		List<String> severities = new ArrayList<>();
		if (severity != null) {
			severity.stream()
				.flatMap((value) -> Params.list(value).stream())
				.map((value) -> value.toLowerCase(Locale.ROOT))
				.filter((value) -> !severities.contains(value))
				.forEach(severities::add);
		}
		String chosen = blank(state);
		return new FindingsFilter(blank(cluster), blank(namespace), blank(workload), blank(kind), blank(check),
				severities, (chosen != null) ? chosen.toLowerCase(Locale.ROOT) : "failing");
	}

	/**
	 * A value of a field that cannot be used.
	 *
	 * @param field the form field
	 * @param message the message key, whose argument is the value
	 * @param value what was given
	 */
	record Problem(String field, String message, String value) {
	}

	/** What cannot be used, one problem per field at most, in form order. */
	List<Problem> problems(Set<String> clusters, Set<String> checks) {
		List<Problem> problems = new ArrayList<>();
		if (this.cluster != null && !clusters.contains(this.cluster)) {
			problems.add(new Problem("cluster", "explorer.error.cluster", this.cluster));
		}
		if (this.check != null && !checks.contains(this.check)) {
			problems.add(new Problem("check", "explorer.error.check", this.check));
		}
		String unknown = this.severity.stream().filter((value) -> !SEVERITIES.contains(value)).findFirst().orElse(null);
		if (unknown != null) {
			problems.add(new Problem("severity", "explorer.error.severity", unknown));
		}
		if (!STATES.contains(this.state)) {
			problems.add(new Problem("state", "explorer.error.state", this.state));
		}
		return problems;
	}

	/**
	 * The query of a filter without problems.
	 * @param scanId the scan to read, {@code null} for the latest of the cluster (or of each)
	 */
	FindingQuery query(@Nullable Long scanId) {
		return new FindingQuery(this.cluster, scanId, this.namespace, this.workload, this.kind,
				(this.check != null) ? List.of(this.check) : List.of(), this.severity, this.state);
	}

	/** Whether anything narrows the findings beyond the default (failing findings of every cluster). */
	boolean narrowed() {
		return this.cluster != null || this.namespace != null || this.workload != null || this.kind != null
				|| this.check != null || !this.severity.isEmpty() || !"failing".equals(this.state);
	}

	/** The explorer with this filter, at a page ({@code null} for the first). */
	String page(@Nullable String cursor) {
		Map<String, String> params = params();
		if (cursor != null) {
			params.put("cursor", cursor);
		}
		return uri("/findings", params);
	}

	/** The same findings from the API, the most one answer holds, in a format. */
	String export(String format) {
		Map<String, String> params = params();
		params.put("limit", String.valueOf(Params.MAX_LIMIT));
		params.put("format", format);
		return uri("/api/v1/findings", params);
	}

	private Map<String, String> params() {
		Map<String, String> params = new LinkedHashMap<>();
		put(params, "cluster", this.cluster);
		put(params, "namespace", this.namespace);
		put(params, "kind", this.kind);
		put(params, "workload", this.workload);
		put(params, "check", this.check);
		put(params, "severity", this.severity.isEmpty() ? null : String.join(",", this.severity));
		put(params, "state", "failing".equals(this.state) ? null : this.state);
		return params;
	}

	/** A path with query parameters, each value encoded strictly (so {@code &}, {@code +} stay values). */
	private static String uri(String path, Map<String, String> params) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		params.keySet().forEach((name) -> uri.queryParam(name, "{" + name + "}"));
		return uri.encode().buildAndExpand(params).toUriString();
	}

	private static void put(Map<String, String> params, String name, @Nullable String value) {
		if (value != null) {
			params.put(name, value);
		}
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
