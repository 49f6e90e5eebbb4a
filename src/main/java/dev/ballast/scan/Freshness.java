package dev.ballast.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers derived from stored scans change only when a scan finishes or retention removes
 * findings. So they carry an {@code ETag} and {@code Last-Modified}, and a client that sends
 * {@code If-None-Match} (or {@code If-Modified-Since}) gets a 304 without the work of answering;
 * and the same question asked again (a dashboard many people keep open, a script in a loop) is
 * answered from a small cache until the history changes, or for a minute at most (answers for
 * "the last 30 days" move with the clock). Set {@code ballast.scan.answer-cache-entries=0} to
 * compute every answer.
 */
@Component
class Freshness {

	private static final String CHANGED = Freshness.class.getName() + ".changed";

	private static final Duration LIFETIME = Duration.ofMinutes(1);

	private final Scans scans;

	private final int capacity;

	private final Map<String, Entry> answers;

	Freshness(Scans scans, ScanSettings settings) {
		this.scans = scans;
		this.capacity = settings.answerCacheEntries();
		this.answers = new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > Freshness.this.capacity;
			}
		};
	}

	/**
	 * Sets the validators and tells whether the client's copy is current.
	 * @return {@code true} when a 304 was prepared and nothing else must be written
	 */
	boolean notModified(ServletWebRequest request) {
		Instant changed = this.scans.lastChange();
		request.setAttribute(CHANGED, changed, ServletWebRequest.SCOPE_REQUEST);
		String etag = "W/\"" + Long.toHexString(changed.toEpochMilli()) + "-"
				+ Integer.toHexString(variant(request).hashCode()) + "\"";
		return request.checkNotModified(etag, changed.toEpochMilli());
	}

	/**
	 * The answer to this request: from the cache while the history is unchanged, else computed.
	 * Call after {@link #notModified}.
	 */
	@SuppressWarnings("unchecked")
	<T> T answer(ServletWebRequest request, Supplier<T> compute) {
		if (this.capacity == 0) {
			return compute.get();
		}
		Instant changed = (Instant) Objects.requireNonNull(request.getAttribute(CHANGED, ServletWebRequest.SCOPE_REQUEST));
		String key = variant(request);
		Instant now = Instant.now();
		synchronized (this.answers) {
			Entry entry = this.answers.get(key);
			if (entry != null && entry.changed().equals(changed) && entry.at().plus(LIFETIME).isAfter(now)) {
				return (T) entry.answer();
			}
		}
		T answer = compute.get();
		synchronized (this.answers) {
			this.answers.put(key, new Entry(changed, now, answer));
		}
		return answer;
	}

	private static String variant(ServletWebRequest request) {
		StringBuilder variant = new StringBuilder(request.getRequest().getRequestURI()).append('?');
		new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> variant.append(name)
			.append('=')
			.append(String.join(",", values))
			.append('&'));
		return variant.append('|').append(Objects.toString(request.getHeader(HttpHeaders.ACCEPT), "")).toString();
	}

	private record Entry(Instant changed, Instant at, Object answer) {
	}

}
