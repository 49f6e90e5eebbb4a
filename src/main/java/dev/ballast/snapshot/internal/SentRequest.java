package dev.ballast.snapshot.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.kubernetes.client.openapi.ApiClient;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * A request of {@link ApiRequests}: executed when its answer is asked for, or sent ahead
 * ({@link ApiRequests#send}) so that the answer's head arrives in the background and its body is
 * read later.
 */
public final class SentRequest implements Callback {

	private final ApiClient client;

	private final Call call;

	private final long timeout;

	private final CompletableFuture<Response> response = new CompletableFuture<>();

	SentRequest(ApiClient client, Call call, long timeout) {
		this.client = client;
		this.call = call;
		this.timeout = timeout;
	}

	ApiClient client() {
		return this.client;
	}

	/** The time the request may take, in nanoseconds. */
	long timeout() {
		return this.timeout;
	}

	/** Sends the request now, in the background. */
	void enqueue() {
		this.call.enqueue(this);
	}

	/** Cancels the request, or closes its answer if it already came. */
	public void cancel() {
		this.call.cancel();
		this.response.thenAccept(Response::close);
	}

	@Override
	public void onResponse(Call call, Response response) {
		if (!this.response.complete(response)) {
			response.close();
		}
	}

	@Override
	public void onFailure(Call call, IOException failure) {
		this.response.completeExceptionally(failure);
	}

	Response response() throws IOException {
		if (!this.call.isExecuted()) {
			return this.call.execute();
		}
		try {
			return this.response.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.call.cancel();
			throw new InterruptedIOException("interrupted");
		}
	}

}
