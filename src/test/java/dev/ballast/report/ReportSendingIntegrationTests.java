package dev.ballast.report;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending reports through a real SMTP server (GreenMail): a due subscription fires once when the
 * clock passes its time, even when two replicas look at once, and the mail has a text and an HTML
 * part and the inline chart; an unreachable server or refused login fails the delivery with the
 * reason, and it is retried and sent when the server is back; without a renderer the delivery
 * fails and says so.
 */
@ReportIntegrationTest
class ReportSendingIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("ballast", "right-password"));

	@Autowired
	private ReportDispatcher dispatcher;

	@Autowired
	private Subscriptions subscriptions;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private SmtpStore smtpStore;

	@Autowired
	private ReportTestConfiguration.MovableClock clock;

	@Autowired
	private ReportTestConfiguration.FixedRenderer renderer;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void clean() {
		ReportTestConfiguration.reset(this.jdbc, this.clock);
		this.renderer.changed = true;
	}

	@Test
	void dueSubscriptionIsSentOnceWithBothPartsAndTheInlineChart() throws Exception {
		useSmtp(smtp.getSmtp().getPort(), null, null);
		long id = subscribe(false);
		// Monday 2026-11-23, 08:00 in Berlin is 07:00 UTC
		assertThat(this.subscriptions.nextRun(id)).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
		this.clock.set(Instant.parse("2026-11-23T06:59:00Z"));
		this.dispatcher.runDue();
		assertThat(smtp.getReceivedMessages()).as("not due yet").isEmpty();

		this.clock.set(Instant.parse("2026-11-23T07:00:30Z"));
		// two replicas look at the same moment: one sends
		CompletableFuture.allOf(CompletableFuture.runAsync(this.dispatcher::runDue),
				CompletableFuture.runAsync(this.dispatcher::runDue)).join();
		this.dispatcher.runDue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage message = received[0];
		assertThat(message.getSubject()).isEqualTo("Ballast report: Weekly ops");
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com");
		List<Part> parts = new ArrayList<>();
		collect(message, parts);
		assertThat(parts).anySatisfy((part) -> assertThat(part.isMimeType("text/plain")).isTrue());
		assertThat(parts).anySatisfy((part) -> {
			assertThat(part.isMimeType("text/html")).isTrue();
			assertThat((String) part.getContent()).contains("cid:trend");
		});
		assertThat(parts).anySatisfy((part) -> {
			assertThat(part.isMimeType("image/png")).isTrue();
			assertThat(((jakarta.mail.internet.MimeBodyPart) part).getContentID()).isEqualTo("<trend>");
		});
		assertThat(parts).anySatisfy((part) -> assertThat(part.getFileName()).isEqualTo("report.pdf"));

		List<Delivery> log = this.deliveries.recent(id, 10);
		assertThat(log).singleElement().satisfies((delivery) -> {
			assertThat(delivery.state()).isEqualTo(DeliveryState.SENT);
			assertThat(delivery.trigger()).isEqualTo(DeliveryTrigger.SCHEDULE);
			assertThat(delivery.attempts()).isEqualTo(1);
		});
		assertThat(this.subscriptions.get(id).lastSentAt()).isEqualTo(Instant.parse("2026-11-23T07:00:30Z"));
		assertThat(this.subscriptions.nextRun(id)).as("a week later").isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
	}

	@Test
	void unchangedReportIsSkippedWhenOnlyChangesAreWanted() {
		useSmtp(smtp.getSmtp().getPort(), null, null);
		long id = subscribe(true);
		this.renderer.changed = false;
		this.clock.set(Instant.parse("2026-11-23T07:01:00Z"));
		this.dispatcher.runDue();
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(this.deliveries.recent(id, 10)).singleElement().satisfies((delivery) -> {
			assertThat(delivery.state()).isEqualTo(DeliveryState.SKIPPED);
			assertThat(delivery.errorReason()).isEqualTo(ReportDispatcher.UNCHANGED);
		});
	}

	@Test
	void smtpDownIsRecordedRetriedWithBackoffAndSentWhenBack() throws IOException {
		useSmtp(closedPort(), null, null);
		long id = subscribe(false);
		this.clock.set(Instant.parse("2026-11-23T07:00:10Z"));
		this.dispatcher.runDue();
		Delivery failed = this.deliveries.recent(id, 10).get(0);
		assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(failed.errorReason()).containsIgnoringCase("connect").doesNotContain("\tat ");
		assertThat(failed.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-23T07:01:10Z"));

		this.clock.advance(Duration.ofSeconds(30));
		this.dispatcher.runDue();
		assertThat(this.deliveries.recent(id, 10).get(0).attempts()).as("not before its time").isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(31));
		this.dispatcher.runDue();
		Delivery second = this.deliveries.recent(id, 10).get(0);
		assertThat(second.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(second.nextAttemptAt()).as("five times longer").isEqualTo(Instant.parse("2026-11-23T07:06:11Z"));

		useSmtp(smtp.getSmtp().getPort(), null, null);
		this.clock.set(Instant.parse("2026-11-23T07:06:11Z"));
		this.dispatcher.runDue();
		assertThat(this.deliveries.recent(id, 10)).singleElement().satisfies((delivery) -> {
			assertThat(delivery.state()).isEqualTo(DeliveryState.SENT);
			assertThat(delivery.attempts()).isEqualTo(3);
			assertThat(delivery.nextAttemptAt()).isNull();
		});
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void refusedLoginIsRecordedWithTheServersReason() {
		useSmtp(smtp.getSmtp().getPort(), "ballast", "wrong-password");
		long id = subscribe(false);
		Delivery delivery = this.dispatcher.sendNow(id, "tester");
		assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(delivery.trigger()).isEqualTo(DeliveryTrigger.MANUAL);
		assertThat(delivery.errorReason()).containsIgnoringCase("auth");
		assertThat(smtp.getReceivedMessages()).isEmpty();

		useSmtp(smtp.getSmtp().getPort(), "ballast", "right-password");
		assertThat(this.dispatcher.sendNow(id, "tester").state()).isEqualTo(DeliveryState.SENT);
	}

	@Test
	void passwordIsStoredEncrypted() {
		useSmtp(smtp.getSmtp().getPort(), "ballast", "right-password");
		String stored = this.jdbc.sql("SELECT password_encrypted FROM smtp_settings").query(String.class).single();
		assertThat(stored).isNotBlank().doesNotContain("right-password");
		assertThat(this.smtpStore.connection().password()).isEqualTo("right-password");
		// saved again with a blank password: the stored one stays
		this.smtpStore.save("localhost", smtp.getSmtp().getPort(), SmtpSecurity.NONE, "ballast", "", false,
				"ballast@example.com", "tester");
		assertThat(this.smtpStore.connection().password()).isEqualTo("right-password");
	}

	@Test
	void withoutRendererTheDeliveryFailsAndSaysSo(@Autowired ReportMailer mailer, @Autowired ReportSettings settings,
			@Autowired MessageSource messages, @Autowired TransactionTemplate transactions,
			@Autowired ReportPool pool) {
		useSmtp(smtp.getSmtp().getPort(), null, null);
		long id = subscribe(false);
		ReportDispatcher withoutRenderer = new ReportDispatcher(this.subscriptions, this.deliveries, mailer,
				new StaticListableBeanFactory().getBeanProvider(ReportRenderer.class), settings, messages,
				transactions, pool, this.clock);
		Delivery delivery = withoutRenderer.sendNow(id, "tester");
		assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(delivery.errorReason()).isEqualTo(ReportDispatcher.NO_RENDERER);
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void testMailIsSentAndLogged() {
		useSmtp(smtp.getSmtp().getPort(), null, null);
		Delivery delivery = this.dispatcher.sendTest("admin@example.com", "tester", Locale.ENGLISH);
		assertThat(delivery.state()).isEqualTo(DeliveryState.SENT);
		assertThat(delivery.trigger()).isEqualTo(DeliveryTrigger.TEST);
		assertThat(smtp.getReceivedMessages()).singleElement()
			.satisfies((message) -> assertThat(message.getSubject()).isEqualTo("Ballast test mail"));
	}

	private void useSmtp(int port, String username, String password) {
		this.smtpStore.save("localhost", port, SmtpSecurity.NONE, username, password, username == null,
				"ballast@example.com", "tester");
	}

	private long subscribe(boolean onlyWhenChanged) {
		return this.subscriptions.create(new SubscriptionRules.Draft("Weekly ops", List.of("ops@example.com"),
				List.of(), SubscriptionForm.WEEKLY, ZoneId.of("Europe/Berlin"), Locale.ENGLISH,
				EnumSet.allOf(ReportSection.class), onlyWhenChanged, true, true), "tester",
				Instant.parse("2026-11-22T12:00:00Z"));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void collect(Part part, List<Part> parts) throws Exception {
		parts.add(part);
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, parts);
			}
		}
	}

}
