package dev.ballast.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureLimiterTests {

	private final MutableClock clock = new MutableClock();

	private final FailureLimiter limiter = new FailureLimiter(3, Duration.ofMinutes(5), this.clock);

	@Test
	void locksAKeyAfterMaxFailuresForTheRestOfTheWindow() {
		this.limiter.recordFailure("alice");
		this.clock.advance(Duration.ofMinutes(1));
		this.limiter.recordFailure("alice");
		assertThat(this.limiter.lockedFor("alice")).isZero();
		this.limiter.recordFailure("alice");
		assertThat(this.limiter.lockedFor("alice")).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void unlocksWhenTheWindowIsOver() {
		failThreeTimes("bob");
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.limiter.lockedFor("bob")).isZero();
		this.limiter.recordFailure("bob");
		assertThat(this.limiter.lockedFor("bob")).as("a new window counts from one").isZero();
	}

	@Test
	void failuresSpreadOverSeveralWindowsDoNotLock() {
		this.limiter.recordFailure("carol");
		this.limiter.recordFailure("carol");
		this.clock.advance(Duration.ofMinutes(6));
		this.limiter.recordFailure("carol");
		assertThat(this.limiter.lockedFor("carol")).isZero();
	}

	@Test
	void countsEachKeyOnItsOwn() {
		failThreeTimes("dave");
		assertThat(this.limiter.lockedFor("dave")).isPositive();
		assertThat(this.limiter.lockedFor("erin")).isZero();
	}

	@Test
	void resetForgetsTheFailures() {
		this.limiter.recordFailure("frank");
		this.limiter.recordFailure("frank");
		this.limiter.reset("frank");
		this.limiter.recordFailure("frank");
		assertThat(this.limiter.lockedFor("frank")).isZero();
	}

	private void failThreeTimes(String key) {
		for (int i = 0; i < 3; i++) {
			this.limiter.recordFailure(key);
		}
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2025-01-01T12:00:00Z");

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

}
