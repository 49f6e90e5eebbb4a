package dev.ballast.scan.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Gap;
import dev.ballast.snapshot.LiveCollector;

/**
 * What a running scan is doing, counted as the collector reports it and written to the scan's row
 * by the heartbeat, and once more as soon as the kinds to list are known. Thread-safe.
 */
final class ScanProgress implements LiveCollector.Progress {

	private volatile String phase = "queued";

	private volatile Runnable onPlanned = () -> {
	};

	private final AtomicInteger kindsTotal = new AtomicInteger();

	private final AtomicInteger kindsDone = new AtomicInteger();

	private final ConcurrentHashMap<String, Integer> objects = new ConcurrentHashMap<>();

	/** Runs when the kinds to list are known, so that their number shows before the next heartbeat. */
	void onPlanned(Runnable action) {
		this.onPlanned = action;
	}

	void phase(String phase) {
		this.phase = phase;
	}

	String phase() {
		return this.phase;
	}

	int kindsTotal() {
		return this.kindsTotal.get();
	}

	int kindsDone() {
		return this.kindsDone.get();
	}

	int objects() {
		return this.objects.values().stream().mapToInt(Integer::intValue).sum();
	}

	void counted(int objects) {
		this.objects.put("", objects);
	}

	private final java.util.Set<String> planned = ConcurrentHashMap.newKeySet();

	@Override
	public void planned(List<String> kinds) {
		this.planned.addAll(kinds);
		this.kindsTotal.addAndGet(kinds.size());
		this.onPlanned.run();
	}

	@Override
	public void listed(String kind, int objects) {
		this.objects.put(kind, objects);
	}

	@Override
	public void finished(String kind, int objects, @Nullable Gap gap) {
		if (!this.planned.contains(kind)) {
			// a kind the server does not serve is reported without being planned
			this.kindsTotal.incrementAndGet();
		}
		this.objects.put(kind, objects);
		this.kindsDone.incrementAndGet();
	}

}
