package dev.ballast.report;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Report subscriptions and the delivery log for scripts (ADMIN): list and read subscriptions,
 * add one (a refused field answers 400 naming it), send one now (202 with the delivery's id; the
 * outcome lands in the delivery log).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

	/** A subscription with its next run. */
	record SubscriptionView(Subscription subscription, @Nullable Instant nextRunAt) {
	}

	/** The answer to "send now". */
	record Queued(long deliveryId) {
	}

	private final Subscriptions subscriptions;

	private final SubscriptionRules rules;

	private final Deliveries deliveries;

	private final ReportDispatcher dispatcher;

	private final MessageSource messages;

	private final Clock clock;

	ReportApiController(Subscriptions subscriptions, SubscriptionRules rules, Deliveries deliveries,
			ReportDispatcher dispatcher, MessageSource messages, Clock reportClock) {
		this.subscriptions = subscriptions;
		this.rules = rules;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.messages = messages;
		this.clock = reportClock;
	}

	@GetMapping("/subscriptions")
	List<Subscription> list() {
		return this.subscriptions.all();
	}

	@GetMapping("/subscriptions/{id}")
	SubscriptionView get(@PathVariable long id) {
		return new SubscriptionView(this.subscriptions.get(id), this.subscriptions.nextRun(id));
	}

	@PostMapping("/subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	SubscriptionView create(@RequestBody SubscriptionForm form, Principal user, Locale locale) {
		Instant now = Instant.now(this.clock);
		SubscriptionRules.Checked checked = this.rules.check(form, now);
		if (checked.draft() == null) {
			throw ReportProblem.invalid(checked.issues(), checked.issues()
				.stream()
				.map((issue) -> this.messages.getMessage(issue.code(), issue.arguments(), locale))
				.toList());
		}
		return get(this.subscriptions.create(checked.draft(), user.getName(), now));
	}

	@PostMapping("/subscriptions/{id}/send")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Queued send(@PathVariable long id, Principal user) {
		return new Queued(this.dispatcher.queueNow(id, user.getName()));
	}

	@GetMapping("/deliveries")
	List<Delivery> deliveries(@RequestParam(required = false) @Nullable Long subscription,
			@RequestParam(defaultValue = "100") int limit) {
		return this.deliveries.recent(subscription, Math.max(1, Math.min(limit, 1000)));
	}

}
