package dev.ballast.scan;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import dev.ballast.scan.internal.ScanStore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Scans in the API: list, read, trigger, follow the progress, compare, read the stored analyses,
 * and each cluster's schedule. Reading is VIEWER, triggering OPERATOR, changing a schedule ADMIN
 * (see the access rules).
 */
@RestController
@RequestMapping("/api/v1")
@Validated
class ScanApiController {

	private final Scans scans;

	private final History history;

	private final Schedules schedules;

	private final ScanStore store;

	private final Freshness freshness;

	ScanApiController(Scans scans, History history, Schedules schedules, ScanStore store, Freshness freshness) {
		this.scans = scans;
		this.history = history;
		this.schedules = schedules;
		this.store = store;
		this.freshness = freshness;
	}

	@GetMapping("/scans")
	ResponseEntity<ApiPage<Scan>> list(@RequestParam(required = false) @Nullable String cluster,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String trigger,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String until,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor) {
		ScanFilter filter = new ScanFilter(Params.list(cluster), Params.enums("state", state, ScanState.class),
				Params.enums("trigger", trigger, ScanTrigger.class), Params.instant("since", since),
				Params.instant("until", until));
		int size = Params.limit(limit);
		List<Scan> found = this.scans.list(filter, Cursors.scan(cursor), size + 1);
		ApiPage<Scan> page = (found.size() <= size) ? new ApiPage<>(found, null)
				: new ApiPage<>(found.subList(0, size), Cursors.ofScan(found.get(size - 1).id()));
		return ResponseEntity.ok().headers(page.links()).body(page);
	}

	@GetMapping("/scans/{id}")
	@Nullable Scan get(@PathVariable long id, ServletWebRequest request) {
		Scan scan = this.scans.get(id);
		if (scan.state().finished() && this.freshness.notModified(request)) {
			return null;
		}
		return scan;
	}

	@GetMapping("/scans/{id}/progress")
	ScanProgressView progress(@PathVariable long id) {
		return ScanProgressView.of(this.scans.get(id));
	}

	@GetMapping("/scans/{id}/diff")
	@Nullable ScanDiff diff(@PathVariable long id, @RequestParam(required = false) @Nullable String base,
			ServletWebRequest request) {
		Long baseId = Params.id("base", base);
		if (this.freshness.notModified(request)) {
			return null;
		}
		if (baseId == null) {
			Scan target = this.scans.get(id);
			baseId = this.store.previousLanded(target).map(Scan::id).orElse(id);
		}
		return this.history.diff(baseId, id);
	}

	@GetMapping("/scans/{id}/analyses")
	List<ScanStore.AnalysisInfo> analyses(@PathVariable long id) {
		this.scans.get(id);
		return this.store.analyses(id);
	}

	@GetMapping(path = "/scans/{id}/analyses/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Nullable String analysis(@PathVariable long id, @PathVariable String kind, ServletWebRequest request) {
		this.scans.get(id);
		if (this.freshness.notModified(request)) {
			return null;
		}
		return this.store.analysis(id, kind).orElseThrow(() -> ScanProblem.noAnalysis(id, kind));
	}

	@PostMapping("/clusters/{name}/scans")
	ResponseEntity<TriggerAnswer> trigger(@PathVariable String name, Authentication user) {
		Scans.Ticket ticket = this.scans.trigger(name, ScanTrigger.API, user.getName());
		Scan scan = this.scans.get(ticket.scanId());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/scans/" + ticket.scanId()))
			.body(new TriggerAnswer(scan, ticket.joined()));
	}

	@GetMapping("/clusters/{name}/diff")
	@Nullable ScanDiff diffSince(@PathVariable String name, @RequestParam(required = false) @Nullable String since,
			ServletWebRequest request) {
		java.time.Duration period = Params.period("since", since);
		if (this.freshness.notModified(request)) {
			return null;
		}
		return this.history.diffSince(name, period);
	}

	@GetMapping("/clusters/{name}/schedule")
	Schedule schedule(@PathVariable String name) {
		return this.schedules.get(name);
	}

	@PutMapping("/clusters/{name}/schedule")
	Schedule changeSchedule(@PathVariable String name, @Valid @RequestBody ScheduleChange change,
			Authentication user) {
		return this.schedules.update(name, change.cron(), change.enabled(), change.findingsRetentionDays(),
				user.getName());
	}

	/**
	 * The answer to a scan request.
	 *
	 * @param scan the scan started, or the running one that was joined
	 * @param joined whether it was running already
	 */
	record TriggerAnswer(Scan scan, boolean joined) {
	}

	/**
	 * A new schedule.
	 *
	 * @param cron second minute hour day month weekday, e.g. {@code 0 0 * * * *} (hourly)
	 * @param enabled whether scheduled scans run
	 * @param findingsRetentionDays days to keep raw findings; {@code null} for the default
	 */
	record ScheduleChange(@NotBlank @Size(max = 120) String cron, boolean enabled,
			@Nullable Integer findingsRetentionDays) {
	}

	/**
	 * Progress of a scan, for polling.
	 *
	 * @param scanId the scan
	 * @param state where it stands
	 * @param phase {@code queued}, {@code snapshot}, {@code checks}, {@code storing} or {@code done}
	 * @param kindsTotal kinds to list
	 * @param kindsDone kinds listed
	 * @param objects objects read so far
	 * @param updatedAt when the progress was last written
	 * @param error why it failed
	 */
	record ScanProgressView(long scanId, ScanState state, String phase, int kindsTotal, int kindsDone, int objects,
			java.time.Instant updatedAt, @Nullable String error) {

		static ScanProgressView of(Scan scan) {
			Scan.Progress progress = scan.progress();
			return new ScanProgressView(scan.id(), scan.state(), progress.phase(), progress.kindsTotal(),
					progress.kindsDone(), progress.objects(), progress.updatedAt(), scan.error());
		}

	}

}
