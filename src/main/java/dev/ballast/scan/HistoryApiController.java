package dev.ballast.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Findings, scores and trends in the API, read from stored scans (VIEWER). Every answer carries an
 * {@code ETag} and {@code Last-Modified}; lists answer CSV too.
 */
@RestController
@RequestMapping("/api/v1")
class HistoryApiController {

	private static final List<String> SEVERITIES = List.of("danger", "warning", "info");

	private static final List<String> LEVELS = List.of("cluster", "namespace", "workload");

	private static final List<String> STEPS = List.of("hour", "day", "week");

	private final History history;

	private final Freshness freshness;

	HistoryApiController(History history, Freshness freshness) {
		this.history = history;
		this.freshness = freshness;
	}

	@GetMapping("/findings")
	@Nullable ResponseEntity<ApiPage<FindingRow>> findings(@RequestParam(required = false) @Nullable String cluster,
			@RequestParam(required = false) @Nullable String scan,
			@RequestParam(required = false) @Nullable String namespace,
			@RequestParam(required = false) @Nullable String workload,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String check,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor, ServletWebRequest request) {
		FindingQuery query = new FindingQuery(blank(cluster), Params.id("scan", scan), blank(namespace),
				blank(workload), blank(kind), Params.list(check), Params.words("severity", severity, SEVERITIES),
				Params.word("state", state, "failing", FindingQuery.STATES));
		int size = Params.limit(limit);
		if (this.freshness.notModified(request)) {
			return null;
		}
		History.FindingsPage found = this.freshness.answer(request, () -> this.history.findings(query, cursor, size));
		ApiPage<FindingRow> page = new ApiPage<>(found.items(), found.next());
		return ResponseEntity.ok().headers(page.links()).body(page);
	}

	@GetMapping("/scores")
	@Nullable List<ScoreRow> scores(@RequestParam(required = false) @Nullable String cluster,
			@RequestParam(required = false) @Nullable String scan,
			@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String namespace, ServletWebRequest request) {
		Long scanId = Params.id("scan", scan);
		String chosen = Params.word("level", level, "cluster", LEVELS);
		if (this.freshness.notModified(request)) {
			return null;
		}
		return this.freshness.answer(request,
				() -> this.history.scores(blank(cluster), scanId, chosen, blank(namespace)));
	}

	@GetMapping("/trends")
	@Nullable List<TrendPoint> trends(@RequestParam String cluster,
			@RequestParam(required = false) @Nullable String namespace,
			@RequestParam(required = false) @Nullable String workload,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String step, ServletWebRequest request) {
		Instant end = (Params.instant("to", to) != null) ? Params.instant("to", to) : Instant.now();
		Instant start = (Params.instant("from", from) != null) ? Params.instant("from", from)
				: end.minus(Duration.ofDays(30));
		if (!start.isBefore(end)) {
			throw ScanProblem.badParameter("from", String.valueOf(from), "an instant before 'to'");
		}
		if (blank(workload) != null && blank(namespace) == null) {
			throw ScanProblem.badParameter("namespace", "", "the workload's namespace (required with 'workload')");
		}
		String chosen = Params.word("step", step, defaultStep(Duration.between(start, end)), STEPS);
		if (this.freshness.notModified(request)) {
			return null;
		}
		return this.freshness.answer(request,
				() -> this.history.trend(cluster, blank(namespace), blank(kind), blank(workload), start, end, chosen));
	}

	/** Hourly up to two days, daily up to half a year, weekly beyond. */
	private static String defaultStep(Duration range) {
		if (range.compareTo(Duration.ofDays(2)) <= 0) {
			return "hour";
		}
		return (range.compareTo(Duration.ofDays(183)) <= 0) ? "day" : "week";
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
