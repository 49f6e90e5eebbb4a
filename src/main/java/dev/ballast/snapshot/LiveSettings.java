package dev.ballast.snapshot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How the {@link LiveCollector} reads a cluster.
 *
 * @param pageSize objects per list page ({@code limit}); the server sends at most this many, and
 * client-java reads a response whole, so pages stay small
 * @param parallelism how many kinds are listed at once
 * @param deadline the whole scan's time limit, discovery included; kinds not listed by then are
 * recorded as timed out
 * @param requestTimeout the longest one request may take, from connecting to the last byte read
 * @param attempts how often a request is tried when the server answers 429 or 5xx, or the
 * connection fails or times out
 * @param firstBackoff the wait before the first retry, doubled for each further one (a 429's
 * {@code Retry-After} wins)
 * @param maxBackoff the longest wait between two attempts
 */
@Validated
@ConfigurationProperties("ballast.snapshot.live")
public record LiveSettings(@DefaultValue("500") @Min(1) @Max(5000) int pageSize,
		@DefaultValue("4") @Min(1) @Max(32) int parallelism, @DefaultValue("10m") Duration deadline,
		@DefaultValue("60s") Duration requestTimeout, @DefaultValue("5") @Min(1) @Max(20) int attempts,
		@DefaultValue("250ms") Duration firstBackoff, @DefaultValue("10s") Duration maxBackoff) {

	/**
	 * The defaults of the annotations above.
	 * @return the default settings
	 */
	public static LiveSettings defaults() {
		return new Binder().bindOrCreate("ballast.snapshot.live", LiveSettings.class);
	}

}
