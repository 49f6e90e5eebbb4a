package dev.ballast.scan.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.ballast.checks.Category;
import dev.ballast.checks.CheckDefinition;
import dev.ballast.checks.CheckEngine;
import dev.ballast.scan.FindingRow;

/**
 * A workload's findings grouped by the category of their check, in catalogue order, each with its
 * check's definition (for the explanation); exempted findings apart.
 *
 * @param groups the counted findings by category
 * @param exempted the exempted findings
 */
record FindingGroups(List<Group> groups, List<Item> exempted) {

	/** The category of checks not in the built-in catalogue (custom checks). */
	static final String OTHER = "other";

	/** Severities, most severe first: findings are listed in this order, else in report order. */
	private static final List<String> SEVERITIES = List.of("danger", "warning", "info");

	static FindingGroups of(List<FindingRow> rows) {
		Map<String, CheckDefinition> catalogue = new LinkedHashMap<>();
		CheckEngine.standard().catalogue().forEach((check) -> catalogue.put(check.id(), check));
		Map<String, List<Item>> byCategory = new LinkedHashMap<>();
		for (Category category : Category.values()) {
			byCategory.put(category.key(), new ArrayList<>());
		}
		byCategory.put(OTHER, new ArrayList<>());
		List<Item> exempted = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<FindingRow> bySeverity = new ArrayList<>(rows);
		bySeverity.sort(Comparator.comparingInt((FindingRow row) -> SEVERITIES.indexOf(row.severity())));
		for (FindingRow row : bySeverity) {
			CheckDefinition check = catalogue.get(row.check());
			Item item = new Item(row, check, row.exempted() || seen.add(row.check()));
			if (row.exempted()) {
				exempted.add(item);
			}
			else {
				byCategory.get((check != null) ? check.category().key() : OTHER).add(item);
			}
		}
		List<Group> groups = new ArrayList<>();
		byCategory.forEach((category, items) -> {
			if (!items.isEmpty()) {
				groups.add(new Group(category, items));
			}
		});
		return new FindingGroups(groups, exempted);
	}

	/** Whether nothing fails, exempted or not. */
	boolean isEmpty() {
		return this.groups.isEmpty() && this.exempted.isEmpty();
	}

	/**
	 * The findings of one category.
	 *
	 * @param category e.g. {@code reliability}, or {@link #OTHER}
	 * @param items its findings
	 */
	record Group(String category, List<Item> items) {
	}

	/**
	 * A finding and its check.
	 *
	 * @param finding the stored finding
	 * @param check the built-in check, or {@code null} for a custom one
	 * @param first whether it is the first counted finding of its check (which carries the check's
	 * explanation and the form to exempt it), or an exempted one
	 */
	record Item(FindingRow finding, @Nullable CheckDefinition check, boolean first) {
	}

}
