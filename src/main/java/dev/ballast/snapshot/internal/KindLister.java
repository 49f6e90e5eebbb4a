package dev.ballast.snapshot.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.Pair;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Gap.Reason;
import dev.ballast.snapshot.SnapshotBuilder;

/**
 * Lists one kind across all namespaces, page by page ({@code limit}, {@code continue}), into the
 * snapshot builder. A page is added only once it was read whole, so a retried page is never added
 * twice; the next page is asked for as soon as the current one's continue token is read. Items get
 * the {@code apiVersion} and {@code kind} that list items lack, so the snapshot knows the version
 * each object was read in. When the continue token expires ({@code 410 Gone}) the kind is
 * forgotten and listed again from the beginning. No {@code resourceVersion} is sent: with one,
 * Kubernetes before 1.27 answers from its watch cache and ignores {@code limit}, sending the whole
 * list at once.
 */
public final class KindLister {

	private static final int RESTARTS = 3;

	private final ApiRequests requests;

	private final SnapshotBuilder builder;

	private final ObjectRouter router;

	private final int pageSize;

	public KindLister(ApiRequests requests, SnapshotBuilder builder, int pageSize) {
		this.requests = requests;
		this.builder = builder;
		this.router = new ObjectRouter(builder);
		this.pageSize = pageSize;
	}

	/**
	 * Lists a kind whole, or not at all: after a failure nothing of it stays in the builder.
	 * @param source where to list it
	 * @param listed told the number of objects so far after every page
	 * @return the number of objects listed
	 * @throws RequestFailure when the kind could not be listed
	 */
	public int list(LiveKinds.Source source, IntConsumer listed) throws RequestFailure {
		try {
			for (int restart = 0;; restart++) {
				try {
					return listOnce(source, listed);
				}
				catch (RequestFailure ex) {
					if (!ex.gone()) {
						throw ex;
					}
					this.builder.restart(source.kind());
					if (restart == RESTARTS) {
						throw new RequestFailure(Reason.FAILED, 410, "The list of " + source.resource()
								+ " expired before it was read whole (410 Gone), " + (RESTARTS + 1) + " times.", ex);
					}
					this.builder.warning(source.kind() + ": the list expired (410 Gone) and was read again from the start.");
				}
			}
		}
		catch (RequestFailure ex) {
			this.builder.restart(source.kind());
			throw ex;
		}
	}

	/**
	 * Reads a list from its first page to its last. As soon as a page's continue token is read, the
	 * next page is asked for, so the server prepares it while this one is decoded.
	 */
	private int listOnce(LiveKinds.Source source, IntConsumer listed) throws RequestFailure {
		int count = 0;
		String token = null;
		SentRequest ahead = null;
		do {
			AtomicReference<Ahead> following = new AtomicReference<>();
			ListPage page;
			try {
				page = this.requests.get(source.path(), query(token), (body) -> ListPage.read(body.charStream(),
						source.model(), (next) -> {
							if (following.get() == null) { // not again when the page is read a second time
								following.set(send(source, next));
							}
						}), ahead);
			}
			catch (RequestFailure ex) {
				Ahead sent = following.get();
				if (sent != null && sent.request() != null) {
					sent.request().cancel();
				}
				throw ex;
			}
			for (Object item : page.items()) {
				add(source, item);
			}
			count += page.items().size();
			listed.accept(count);
			token = page.next();
			Ahead sent = following.get();
			ahead = (sent != null && sent.token().equals(token)) ? sent.request() : null;
			if (ahead == null && sent != null && sent.request() != null) {
				sent.request().cancel();
			}
		}
		while (token != null);
		return count;
	}

	/** Asks for the next page now; if that fails, it is asked for again when its turn comes. */
	private Ahead send(LiveKinds.Source source, String token) {
		try {
			return new Ahead(token, this.requests.send(source.path(), query(token)));
		}
		catch (RequestFailure ex) {
			return new Ahead(token, null);
		}
	}

	@SuppressWarnings("unchecked")
	private void add(LiveKinds.Source source, Object item) {
		if (item instanceof KubernetesObject object) {
			if (object.getApiVersion() == null) {
				TypeMeta.set(object, source.groupVersion(), source.kind());
			}
			this.builder.add(object);
			return;
		}
		Map<String, Object> raw = (Map<String, Object>) item;
		raw.put("apiVersion", source.groupVersion());
		raw.put("kind", source.kind());
		String problem = this.router.route(raw);
		if (problem != null) {
			this.builder.warning("Skipped: " + problem);
		}
	}

	/** The next page, asked for ahead. */
	private record Ahead(String token, @Nullable SentRequest request) {
	}

	private List<Pair> query(@Nullable String next) {
		Pair limit = new Pair("limit", Integer.toString(this.pageSize));
		return (next == null) ? List.of(limit) : List.of(limit, new Pair("continue", next));
	}

	/** Sets {@code apiVersion} and {@code kind} on client-java models, which all have both setters. */
	private static final class TypeMeta extends ClassValue<MethodHandle[]> {

		private static final TypeMeta SETTERS = new TypeMeta();

		static void set(KubernetesObject object, String apiVersion, String kind) {
			MethodHandle[] setters = SETTERS.get(object.getClass());
			try {
				setters[0].invoke(object, apiVersion);
				setters[1].invoke(object, kind);
			}
			catch (Throwable ex) {
				throw new IllegalStateException("cannot set the apiVersion of a " + object.getClass().getSimpleName(), ex);
			}
		}

		@Override
		protected MethodHandle[] computeValue(Class<?> type) {
			try {
				MethodHandles.Lookup lookup = MethodHandles.publicLookup();
				MethodType setter = MethodType.methodType(void.class, String.class);
				return new MethodHandle[] { lookup.findVirtual(type, "setApiVersion", setter),
						lookup.findVirtual(type, "setKind", setter) };
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(type.getSimpleName() + " has no apiVersion and kind setters", ex);
			}
		}

	}

}
