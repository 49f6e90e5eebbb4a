package dev.ballast.snapshot.internal;

import java.util.function.Supplier;

import io.kubernetes.client.openapi.ApiClient;

/**
 * The API client of one scan, renewed at most once when the server starts refusing it (401):
 * exec-plugin credentials such as EKS tokens expire after 15 minutes, possibly in the middle of a
 * long scan, and a freshly built client runs the plugin again.
 */
public final class ClientSource {

	private final Supplier<ApiClient> supplier;

	private ApiClient current;

	private boolean renewed;

	/**
	 * Builds the first client at once.
	 * @param supplier builds a client with fresh credentials each time it is called
	 */
	public ClientSource(Supplier<ApiClient> supplier) {
		this.supplier = supplier;
		this.current = supplier.get();
	}

	public synchronized ApiClient current() {
		return this.current;
	}

	/**
	 * Whether the client was renewed during the scan.
	 * @return {@code true} once a 401 led to a new client
	 */
	public synchronized boolean renewed() {
		return this.renewed;
	}

	/**
	 * Called after {@code refused} got a 401: renews the client unless that was done before.
	 * @param refused the client the server refused
	 * @return whether another client is now current, so the request is worth repeating
	 */
	synchronized boolean renew(ApiClient refused) {
		if (this.current != refused) {
			return true;
		}
		if (this.renewed) {
			return false;
		}
		this.renewed = true;
		ApiClient fresh;
		try {
			fresh = this.supplier.get();
		}
		catch (RuntimeException ex) {
			return false;
		}
		if (fresh == refused) {
			return false;
		}
		this.current = fresh;
		return true;
	}

}
