package dev.ballast.scan.taints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.ballast.taints.TaintMap;
import dev.ballast.taints.TaintMap.NodeGroup;
import dev.ballast.taints.TaintMap.Row;

/**
 * What the matrix shows: workloads of one namespace, node groups with a taint effect or of one
 * pool, one page of rows. Values that name nothing in the map are problems, by parameter.
 *
 * @param namespace the namespace, or {@code null} for all
 * @param effect {@code NoSchedule}, {@code NoExecute}, {@code PreferNoSchedule} or {@code none}
 * (untainted groups), or {@code null} for all
 * @param pool a pool, {@code -} for nodes without a pool label, or {@code null} for all
 * @param page the page of rows, from 1
 */
public record TaintFilter(@Nullable String namespace, @Nullable String effect, @Nullable String pool, int page) {

	static final List<String> EFFECTS = List.of("NoSchedule", "NoExecute", "PreferNoSchedule", "none");

	static final int ROWS_PER_PAGE = 50;

	static final String NO_POOL = "-";

	static TaintFilter of(@Nullable String namespace, @Nullable String effect, @Nullable String pool,
			@Nullable Integer page) {
		return new TaintFilter(blankToNull(namespace), blankToNull(effect), blankToNull(pool),
				(page != null && page > 0) ? page : 1);
	}

	/**
	 * The parameters that name nothing, with the message key of the problem.
	 * @param map the map filtered
	 * @return problems by parameter; empty when the filter is usable
	 */
	Map<String, String> problems(TaintMap map) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (this.namespace != null && map.rows().stream().noneMatch((row) -> row.namespace().equals(this.namespace))) {
			problems.put("namespace", "taints.filter.namespace.unknown");
		}
		if (this.effect != null && !EFFECTS.contains(this.effect)) {
			problems.put("effect", "taints.filter.effect.unknown");
		}
		if (this.pool != null && map.groups().stream().noneMatch((group) -> this.pool.equals(pool(group)))) {
			problems.put("pool", "taints.filter.pool.unknown");
		}
		return problems;
	}

	public boolean narrowed() {
		return this.namespace != null || this.effect != null || this.pool != null;
	}

	boolean shows(NodeGroup group) {
		if (this.pool != null && !this.pool.equals(pool(group))) {
			return false;
		}
		if (this.effect == null) {
			return true;
		}
		if (this.effect.equals("none")) {
			return group.taints().isEmpty();
		}
		return group.taints().stream().anyMatch((taint) -> taint.effect().equals(this.effect));
	}

	boolean shows(Row row) {
		return this.namespace == null || this.namespace.equals(row.namespace());
	}

	static String pool(NodeGroup group) {
		return (group.pool() != null) ? group.pool() : NO_POOL;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
