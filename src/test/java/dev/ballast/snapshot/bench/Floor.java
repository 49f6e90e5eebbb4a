package dev.ballast.snapshot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.Pair;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The floor of a live scan: the same paginated lists ({@code limit=500}, {@code continue}),
 * fetched over the same client, reading every byte and decoding nothing but the continue token
 * from the start of each page.
 */
final class Floor {

	private Floor() {
	}

	/**
	 * Fetches every list whole.
	 * @param client the client (base path, TLS, credentials)
	 * @param paths list paths, e.g. {@code /api/v1/pods}
	 * @param parallelism lists fetched at once
	 * @param page told each page's path, index and bytes (may be {@code null})
	 * @return the bytes read
	 */
	static long fetch(ApiClient client, List<String> paths, int parallelism, BiConsumer<String, byte[]> page)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(parallelism);
		try {
			List<Future<Long>> lists = new ArrayList<>();
			for (String path : paths) {
				lists.add(pool.submit(() -> list(client, path, page)));
			}
			long bytes = 0;
			for (Future<Long> list : lists) {
				bytes += list.get();
			}
			return bytes;
		}
		finally {
			pool.shutdown();
		}
	}

	private static long list(ApiClient client, String path, BiConsumer<String, byte[]> page) throws Exception {
		long bytes = 0;
		String next = null;
		byte[] buffer = new byte[64 * 1024];
		do {
			List<Pair> query = new ArrayList<>(List.of(new Pair("limit", "500")));
			if (next != null) {
				query.add(new Pair("continue", next));
			}
			Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json"));
			Call call = client.buildCall(null, path, "GET", query, new ArrayList<>(), null, headers, new HashMap<>(),
					new HashMap<>(), new String[] { "BearerToken" }, null);
			try (Response response = call.execute()) {
				if (response.code() != 200) {
					throw new IOException(path + " answered " + response.code());
				}
				BufferedSource source = response.body().source();
				if (page != null) {
					byte[] body = source.readByteArray();
					page.accept(path, body);
					next = continueToken(body, body.length);
					bytes += body.length;
				}
				else {
					int head = 0;
					int read;
					while (head < 4096 && (read = source.read(buffer, head, buffer.length - head)) > 0) {
						head += read;
					}
					next = continueToken(buffer, head);
					bytes += head;
					while ((read = source.read(buffer, 0, buffer.length)) > 0) {
						bytes += read;
					}
				}
			}
		}
		while (next != null);
		return bytes;
	}

	/** The list's continue token: the list metadata comes before the items. */
	private static String continueToken(byte[] bytes, int length) {
		String head = new String(bytes, 0, Math.min(length, 4096), StandardCharsets.UTF_8);
		int items = head.indexOf("\"items\"");
		int at = head.indexOf("\"continue\":\"");
		if (at < 0 || (items >= 0 && at > items)) {
			return null;
		}
		int start = at + "\"continue\":\"".length();
		String token = head.substring(start, head.indexOf('"', start));
		return token.isEmpty() ? null : token;
	}

}
