package dev.ballast.snapshot.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Shares equal values while a snapshot is built: the namespace, node, owner and label maps of
 * 150,000 pods are a few hundred distinct objects. Thread-safe; discarded with the builder, so
 * nothing stays in a global pool.
 */
public final class Interner {

	private final Map<Object, Object> pool = new ConcurrentHashMap<>();

	/**
	 * The shared instance equal to the value.
	 * @param <T> the value type
	 * @param value a value with value-based {@code equals}
	 * @return the first equal value seen
	 */
	@SuppressWarnings("unchecked")
	public <T> T intern(T value) {
		Object existing = this.pool.putIfAbsent(value, value);
		return (existing != null) ? (T) existing : value;
	}

	/**
	 * A shared string, or {@code null}.
	 * @param value the string
	 * @return the shared string
	 */
	public @Nullable String string(@Nullable String value) {
		return (value != null) ? intern(value) : null;
	}

	/**
	 * An unmodifiable, shared copy of a string map, {@code null} values as empty strings.
	 * @param map the map, possibly {@code null}
	 * @return the shared copy (an empty map for {@code null})
	 */
	public Map<String, String> map(@Nullable Map<String, String> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		Map<String, String> copy = new HashMap<>(map.size() * 2);
		map.forEach((key, value) -> {
			if (key != null) {
				copy.put(intern(key), intern((value != null) ? value : ""));
			}
		});
		return intern(Map.copyOf(copy));
	}

	/**
	 * An unmodifiable, shared copy of a list whose elements are shared too.
	 * @param <T> the element type
	 * @param list the list, possibly {@code null}
	 * @return the shared copy (an empty list for {@code null})
	 */
	public <T> List<T> list(@Nullable List<T> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		List<T> copy = new ArrayList<>(list.size());
		for (T element : list) {
			if (element != null) {
				copy.add(intern(element));
			}
		}
		return intern(List.copyOf(copy));
	}

}
