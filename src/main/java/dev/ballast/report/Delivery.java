package dev.ballast.report;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log.
 *
 * @param id its id
 * @param subscriptionId whose report, {@code null} for a test mail or a removed subscription
 * @param subscriptionName the subscription's name when it was sent
 * @param trigger schedule, send-now or test
 * @param state pending, sent, failed or skipped
 * @param attempts how often sending was tried
 * @param nextAttemptAt when a failed delivery is tried again, {@code null} when it is not
 * @param recipients who it was for
 * @param subject the mail's subject, once rendered
 * @param errorReason why it failed or was skipped
 * @param requestedBy who asked (a user, or {@code schedule})
 * @param createdAt when it was asked for
 * @param sentAt when the SMTP server accepted it
 */
record Delivery(long id, @Nullable Long subscriptionId, @Nullable String subscriptionName, DeliveryTrigger trigger,
		DeliveryState state, int attempts, @Nullable Instant nextAttemptAt, List<String> recipients,
		@Nullable String subject, @Nullable String errorReason, String requestedBy, Instant createdAt,
		@Nullable Instant sentAt) {
}
