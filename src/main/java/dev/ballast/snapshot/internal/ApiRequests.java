package dev.ballast.snapshot.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.MalformedJsonException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Gap.Reason;
import dev.ballast.snapshot.LiveSettings;

/**
 * The only way the live collector talks to an API server: {@code GET} requests built by
 * client-java's {@link ApiClient} (its base path, TLS and credentials), each bounded by the
 * request timeout and the scan's deadline, retried with backoff on 429 (honouring
 * {@code Retry-After}), 5xx, failed connections and timeouts, and repeated once with a renewed
 * client after a 401. Nothing else is possible: there is no other verb, and a path that names
 * Secrets is refused before it is sent.
 */
public final class ApiRequests {

	private static final String[] AUTH = { "BearerToken" };

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private final ClientSource clients;

	private final LiveSettings settings;

	private final long deadline;

	/**
	 * @param clients the scan's client
	 * @param settings timeouts and retries
	 * @param deadline the scan's end, in {@link System#nanoTime()}
	 */
	public ApiRequests(ClientSource clients, LiveSettings settings, long deadline) {
		this.clients = clients;
		this.settings = settings;
		this.deadline = deadline;
	}

	/**
	 * Time left until the scan's deadline.
	 * @return nanoseconds, zero or less once it passed
	 */
	public long remaining() {
		return this.deadline - System.nanoTime();
	}

	/**
	 * Reads one resource.
	 * @param <T> what the body becomes
	 * @param path e.g. {@code /api/v1/pods}
	 * @param query query parameters, e.g. {@code limit}
	 * @param reader reads a 200 answer's body
	 * @return what the reader made of the body
	 * @throws RequestFailure when the server refused, or did not answer in time or at all, after the
	 * retries the settings allow
	 */
	public <T> T get(String path, List<Pair> query, BodyReader<T> reader) throws RequestFailure {
		return get(path, query, reader, null);
	}

	/**
	 * Reads one resource, whose first attempt may have been sent ahead.
	 * @param <T> what the body becomes
	 * @param path e.g. {@code /api/v1/pods}
	 * @param query query parameters, e.g. {@code limit}
	 * @param reader reads a 200 answer's body
	 * @param ahead the first attempt, from {@link #send}, or {@code null}
	 * @return what the reader made of the body
	 * @throws RequestFailure when the server refused, or did not answer in time or at all, after the
	 * retries the settings allow
	 */
	public <T> T get(String path, List<Pair> query, BodyReader<T> reader, @Nullable SentRequest ahead)
			throws RequestFailure {
		String what = "GET " + path;
		int attempt = 0;
		while (true) {
			attempt++;
			SentRequest sent = (attempt == 1 && ahead != null) ? ahead : prepare(path, query);
			long retryAfter = -1;
			RequestFailure failure;
			try (Response response = sent.response()) {
				int code = response.code();
				if (code == 200) {
					return reader.read(response.body());
				}
				String message = message(response);
				if (code == 401 && this.clients.renew(sent.client())) {
					attempt--;
					continue;
				}
				failure = refusal(code, what, message);
				if (code == 429 || code >= 500) {
					retryAfter = seconds(response.header("Retry-After"));
				}
				else {
					throw failure;
				}
			}
			catch (MalformedJsonException | JsonParseException ex) {
				throw new RequestFailure(Reason.FAILED, 200, "The answer to " + what + " is not valid JSON: "
						+ ex.getMessage(), ex);
			}
			catch (SSLException ex) {
				throw new RequestFailure(Reason.FAILED, 0, "TLS failed on " + what + ": " + ex.getMessage(), ex);
			}
			catch (InterruptedIOException ex) {
				if (Thread.currentThread().isInterrupted()) {
					throw new RequestFailure(Reason.TIMED_OUT, 0, "The scan was stopped during " + what + ".", ex);
				}
				failure = new RequestFailure(Reason.TIMED_OUT, 0, "No complete answer within "
						+ seconds(sent.timeout()) + " to " + what + ".", ex);
			}
			catch (IOException ex) {
				failure = new RequestFailure(Reason.FAILED, 0, "Talking to the server failed on " + what + ": "
						+ ex.getMessage(), ex);
			}
			if (attempt >= this.settings.attempts()) {
				throw (attempt > 1) ? new RequestFailure(failure.reason(), failure.status(),
						failure.getMessage() + " (tried " + attempt + " times)", failure.getCause()) : failure;
			}
			pause(attempt, retryAfter, failure);
		}
	}

	/**
	 * Sends a request now, to be read by {@link #get(String, List, BodyReader, SentRequest)} later: the
	 * next page of a list is asked for while the current one is still being read, so the server
	 * prepares it meanwhile.
	 * @param path e.g. {@code /api/v1/pods}
	 * @param query query parameters
	 * @return the request on its way
	 * @throws RequestFailure when the scan's deadline has passed or the request cannot be made
	 */
	public SentRequest send(String path, List<Pair> query) throws RequestFailure {
		SentRequest sent = prepare(path, query);
		sent.enqueue();
		return sent;
	}

	/** A request to execute when its answer is asked for. */
	private SentRequest prepare(String path, List<Pair> query) throws RequestFailure {
		if (path.contains("/secrets")) {
			throw new IllegalArgumentException("Ballast never reads Secrets: " + path);
		}
		long timeout = Math.min(remaining(), this.settings.requestTimeout().toNanos());
		if (timeout <= 0) {
			throw new RequestFailure(Reason.TIMED_OUT, 0, "The scan's deadline passed before GET " + path + ".", null);
		}
		ApiClient client = this.clients.current();
		Call call = call(client, path, query);
		call.timeout().timeout(timeout, TimeUnit.NANOSECONDS);
		return new SentRequest(client, call, timeout);
	}

	private Call call(ApiClient client, String path, List<Pair> query) throws RequestFailure {
		Map<String, String> headers = new HashMap<>();
		headers.put("Accept", "application/json");
		try {
			return client.buildCall(null, path, "GET", new ArrayList<>(query), new ArrayList<>(), null, headers,
					new HashMap<>(), new HashMap<>(), AUTH, null);
		}
		catch (ApiException ex) {
			throw new RequestFailure(Reason.FAILED, 0, "Cannot build GET " + path + ": " + ex.getMessage(), ex);
		}
	}

	/** Waits before the next attempt: the server's Retry-After, else exponential backoff. */
	private void pause(int attempt, long retryAfterSeconds, RequestFailure failure) throws RequestFailure {
		Duration backoff = this.settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
		long wait = (retryAfterSeconds >= 0) ? TimeUnit.SECONDS.toNanos(retryAfterSeconds)
				: Math.min(backoff.toNanos(), this.settings.maxBackoff().toNanos());
		if (wait >= remaining()) {
			throw new RequestFailure(failure.reason(), failure.status(), failure.getMessage()
					+ " The scan's deadline leaves no time to try again.", failure.getCause());
		}
		try {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RequestFailure(Reason.TIMED_OUT, 0, "The scan was stopped while waiting to retry.", ex);
		}
	}

	private static RequestFailure refusal(int code, String what, String message) {
		if (code == 403) {
			return new RequestFailure(Reason.FORBIDDEN, code, message, null);
		}
		if (code == 404) {
			return new RequestFailure(Reason.NOT_SERVED, code, "The server does not serve " + what + " (404).", null);
		}
		if (code == 401) {
			return new RequestFailure(Reason.FAILED, code, "The server refused the credential (401) on " + what
					+ ", also after it was renewed.", null);
		}
		return new RequestFailure(Reason.FAILED, code, "The server answered " + code + " to " + what
				+ (message.isEmpty() ? "." : ": " + message), null);
	}

	/** The {@code message} of a Kubernetes Status body, else the start of the body. */
	private static String message(Response response) {
		try {
			String body = response.peekBody(MAX_ERROR_BODY).string().strip();
			try {
				JsonElement status = JsonParser.parseString(body);
				if (status.isJsonObject() && status.getAsJsonObject().get("message") != null) {
					return status.getAsJsonObject().get("message").getAsString();
				}
			}
			catch (RuntimeException notJson) {
				// not a Status: use the text
			}
			return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static long seconds(@Nullable String retryAfter) {
		if (retryAfter == null) {
			return -1;
		}
		try {
			return Math.max(0, Long.parseLong(retryAfter.strip()));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String seconds(long nanos) {
		Duration duration = Duration.ofNanos(nanos);
		return (duration.toMillis() < 10_000) ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
	}

	/** Reads the body of a 200 answer. */
	@FunctionalInterface
	public interface BodyReader<T> {

		T read(ResponseBody body) throws IOException;

	}

}
