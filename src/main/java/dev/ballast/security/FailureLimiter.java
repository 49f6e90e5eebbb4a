package dev.ballast.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (a username, a client address) in a fixed window that starts with the
 * first failure: {@code maxFailures} failures lock the key for the rest of that window. Kept in
 * memory, so each Ballast replica counts on its own.
 */
final class FailureLimiter {

	/** Above this many keys, windows that are over are dropped, so the map cannot grow unbounded. */
	private static final int PURGE_ABOVE = 10_000;

	private record Window(Instant start, int failures) {
	}

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	FailureLimiter(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * How long the key stays locked.
	 * @return the time left, or {@link Duration#ZERO} when the key is not locked
	 */
	Duration lockedFor(String key) {
		Window current = this.windows.get(key);
		Instant now = this.clock.instant();
		if (current == null || current.failures() < this.maxFailures || isOver(current, now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, current.start().plus(this.window));
	}

	void recordFailure(String key) {
		Instant now = this.clock.instant();
		if (this.windows.size() > PURGE_ABOVE) {
			this.windows.values().removeIf((window) -> isOver(window, now));
		}
		this.windows.compute(key, (k, current) -> (current == null || isOver(current, now)) ? new Window(now, 1)
				: new Window(current.start(), current.failures() + 1));
	}

	void reset(String key) {
		this.windows.remove(key);
	}

	private boolean isOver(Window window, Instant now) {
		return !now.isBefore(window.start().plus(this.window));
	}

}
