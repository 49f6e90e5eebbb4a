package dev.ballast.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For the report tests: a clock the test moves, and a renderer that returns a fixed report (both
 * parts, an inline PNG, a PDF attachment), standing in for the real renderer. Not scanned: a test
 * imports it.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReportTestConfiguration {

	/** A 1×1 PNG. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAcCBlCwAAAABJRU5ErkJggg==");

	/** Forgets every subscription, delivery and SMTP setting and sets the clock to Monday 2026-11-23 07:00 UTC. */
	static void reset(JdbcClient jdbc, MovableClock clock) {
		jdbc.sql("DELETE FROM report_delivery").update();
		jdbc.sql("DELETE FROM report_subscription").update();
		jdbc.sql("DELETE FROM smtp_settings").update();
		clock.set(Instant.parse("2026-11-23T07:00:00Z"));
	}

	@Bean
	@Primary
	MovableClock testClock() {
		return new MovableClock(Instant.parse("2026-11-23T07:00:00Z"));
	}

	@Bean
	@Primary
	FixedRenderer fixedRenderer() {
		return new FixedRenderer();
	}

	/** A clock that stands still until the test moves it. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			this.now = instant;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/** Renders the same report every time; {@code changed} is settable. */
	static final class FixedRenderer implements ReportRenderer {

		volatile boolean changed = true;

		@Override
		public RenderedReport render(Subscription subscription, @Nullable Instant since, Instant now) {
			return new RenderedReport("Ballast report: " + subscription.name(),
					"<html><body><p>Findings</p><img src=\"cid:trend\" alt=\"trend\"></body></html>",
					"Findings of " + subscription.name(),
					List.of(new RenderedReport.Inline("trend", "image/png", PNG)),
					List.of(new RenderedReport.Attachment("report.pdf", "application/pdf",
							"%PDF-1.4".getBytes(StandardCharsets.US_ASCII))),
					this.changed);
		}

	}

}
