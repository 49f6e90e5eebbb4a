package dev.ballast.testcluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.kubernetes.client.openapi.ApiException;

/** API calls for many objects at once, and pauses between polls. */
final class ApiWork {

	private ApiWork() {
	}

	interface Action<T> {

		void run(T item) throws ApiException;

	}

	/**
	 * Runs the action for every item, {@code parallelism} at a time. 404 (gone meanwhile) and 409
	 * (changed meanwhile: the next poll retries) are expected; anything else fails.
	 */
	static <T> void parallel(int parallelism, List<T> items, Action<T> action) {
		if (items.isEmpty()) {
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()));
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (T item : items) {
				futures.add(pool.submit(() -> {
					try {
						action.run(item);
					}
					catch (ApiException ex) {
						if (ex.getCode() != 404 && ex.getCode() != 409) {
							throw new IllegalStateException(ex.getCode() + " " + ex.getResponseBody(), ex);
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
