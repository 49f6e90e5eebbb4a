package dev.ballast.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends reports: takes due subscriptions and due retries, renders each report with the
 * {@link ReportRenderer}, sends it and records the outcome in the delivery log. A failed try is
 * retried after 1, 5, 25 … minutes until {@code ballast.report.max-attempts}. Reasons of
 * Ballast's own are message codes ({@code report.delivery.reason.*}); the SMTP server's are its words.
 */
@Component
class ReportDispatcher {

	static final String SCHEDULE = "schedule";

	static final String NO_RENDERER = "report.delivery.reason.no-renderer";

	static final String UNCHANGED = "report.delivery.reason.unchanged";

	static final String REMOVED = "report.delivery.reason.removed";

	private static final Logger log = LoggerFactory.getLogger(ReportDispatcher.class);

	private final Subscriptions subscriptions;

	private final Deliveries deliveries;

	private final ReportMailer mailer;

	private final ObjectProvider<ReportRenderer> renderer;

	private final ReportSettings settings;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final ReportPool executor;

	private final Clock clock;

	ReportDispatcher(Subscriptions subscriptions, Deliveries deliveries, ReportMailer mailer,
			ObjectProvider<ReportRenderer> renderer, ReportSettings settings, MessageSource messages,
			TransactionTemplate transactions, ReportPool reportExecutor, Clock reportClock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.mailer = mailer;
		this.renderer = renderer;
		this.settings = settings;
		this.messages = messages;
		this.transactions = transactions;
		this.executor = reportExecutor;
		this.clock = reportClock;
	}

	/**
	 * Sends every report that is due now and retries failed deliveries that are due; safe on
	 * several replicas at once (each row is taken by one).
	 * @return how many deliveries were tried
	 */
	int runDue() {
		Instant now = Instant.now(this.clock);
		List<Long> ids = new ArrayList<>(this.transactions.execute((status) -> {
			List<Long> created = new ArrayList<>();
			for (Subscription due : this.subscriptions.takeDue(now)) {
				created.add(this.deliveries.create(due, DeliveryTrigger.SCHEDULE, due.recipients(), SCHEDULE, now));
			}
			return created;
		}));
		ids.addAll(this.deliveries.takeRetries(now));
		ids.forEach(this::attempt);
		return ids.size();
	}

	/** Sends a subscription's report now and waits for the outcome. */
	Delivery sendNow(long subscriptionId, String actor) {
		long id = requestNow(subscriptionId, actor);
		attempt(id);
		return this.deliveries.find(id).orElseThrow();
	}

	/** Asks for a subscription's report now; it is sent in the background. */
	long queueNow(long subscriptionId, String actor) {
		long id = requestNow(subscriptionId, actor);
		this.executor.execute(() -> attempt(id));
		return id;
	}

	/** Sends a test mail through the stored SMTP settings, recorded in the log; one try, no retry. */
	Delivery sendTest(String address, String actor, Locale locale) {
		long id = this.deliveries.create(null, DeliveryTrigger.TEST, List.of(address), actor, Instant.now(this.clock));
		String subject = this.messages.getMessage("report.delivery.test.subject", null, locale);
		String text = this.messages.getMessage("report.delivery.test.text", new Object[] { this.settings.baseUrl() },
				locale);
		try {
			this.mailer.send(List.of(address), new RenderedReport(subject, "", text, List.of(), List.of(), true));
			this.deliveries.sent(id, subject, Instant.now(this.clock));
		}
		catch (ReportMailer.SendFailedException ex) {
			this.deliveries.failed(id, subject, ex.getMessage(), null);
		}
		return this.deliveries.find(id).orElseThrow();
	}

	private long requestNow(long subscriptionId, String actor) {
		Subscription subscription = this.subscriptions.get(subscriptionId);
		return this.deliveries.create(subscription, DeliveryTrigger.MANUAL, subscription.recipients(), actor,
				Instant.now(this.clock));
	}

	/** One try of a pending delivery. */
	void attempt(long deliveryId) {
		Optional<Delivery> found = this.deliveries.find(deliveryId);
		if (found.isEmpty()) {
			return;
		}
		Delivery delivery = found.get();
		Subscription subscription = (delivery.subscriptionId() != null)
				? this.subscriptions.find(delivery.subscriptionId()).orElse(null) : null;
		if (subscription == null) {
			this.deliveries.failed(deliveryId, null, REMOVED, null);
			return;
		}
		ReportRenderer renderer = this.renderer.getIfUnique();
		if (renderer == null) {
			failed(delivery, null, NO_RENDERER);
			return;
		}
		Instant now = Instant.now(this.clock);
		RenderedReport report;
		try {
			report = renderer.render(subscription, subscription.lastSentAt(), now);
		}
		catch (RuntimeException ex) {
			log.warn("Report {} of subscription {} could not be rendered", deliveryId, subscription.id(), ex);
			failed(delivery, null, ReportMailer.reason(ex));
			return;
		}
		if (delivery.trigger() == DeliveryTrigger.SCHEDULE && subscription.onlyWhenChanged() && !report.changed()) {
			this.deliveries.skipped(deliveryId, report.subject(), UNCHANGED);
			return;
		}
		try {
			this.mailer.send(delivery.recipients(), report);
		}
		catch (ReportMailer.SendFailedException ex) {
			log.info("Report {} of subscription {} not sent: {}", deliveryId, subscription.id(), ex.getMessage());
			failed(delivery, report.subject(), ex.getMessage());
			return;
		}
		Instant sent = Instant.now(this.clock);
		this.deliveries.sent(deliveryId, report.subject(), sent);
		this.subscriptions.markSent(subscription.id(), sent);
	}

	private void failed(Delivery delivery, @Nullable String subject, String reason) {
		int attempts = delivery.attempts() + 1;
		Instant retryAt = (attempts < this.settings.maxAttempts())
				? Instant.now(this.clock).plus(this.settings.backoff(attempts)) : null;
		this.deliveries.failed(delivery.id(), subject, reason, retryAt);
	}

}
