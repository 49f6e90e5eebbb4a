package dev.ballast.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Endpoint counts per Service: EndpointSlices summed per address family (the family with the
 * most ready endpoints counts, so dual-stack Services are not counted twice); the Endpoints
 * object only for Services without slices.
 */
final class Endpoints {

	private Endpoints() {
	}

	static List<EndpointCount> count(List<Slice> slices, List<EndpointCount> endpoints) {
		Map<String, Map<String, int[]>> byService = new LinkedHashMap<>();
		Map<String, EndpointCount> names = new LinkedHashMap<>();
		for (Slice slice : slices) {
			EndpointCount count = slice.count();
			if (count == null) {
				continue;
			}
			String service = count.namespace() + '/' + count.service();
			names.putIfAbsent(service, count);
			int[] sums = byService.computeIfAbsent(service, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(slice.addressType(), (key) -> new int[2]);
			sums[0] += count.ready();
			sums[1] += count.notReady();
		}
		List<EndpointCount> counts = new ArrayList<>();
		byService.forEach((service, families) -> {
			int[] best = families.values().stream().max((a, b) -> Integer.compare(a[0], b[0])).orElse(new int[2]);
			EndpointCount name = names.get(service);
			counts.add(new EndpointCount(name.namespace(), name.service(), best[0], best[1]));
		});
		for (EndpointCount count : endpoints) {
			if (!byService.containsKey(count.namespace() + '/' + count.service())) {
				counts.add(count);
			}
		}
		return counts;
	}

	/** One EndpointSlice's count and address family. */
	record Slice(@Nullable EndpointCount count, String addressType) {
	}

}
