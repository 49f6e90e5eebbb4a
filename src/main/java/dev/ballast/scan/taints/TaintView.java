package dev.ballast.scan.taints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.ballast.taints.TaintMap;
import dev.ballast.taints.TaintMap.Cell;
import dev.ballast.taints.TaintMap.NodeEntry;
import dev.ballast.taints.TaintMap.NodeGroup;
import dev.ballast.taints.TaintMap.Profile;
import dev.ballast.taints.TaintMap.Row;
import dev.ballast.taints.TaintMap.Verdict;

/**
 * The stored taint map as the page, the images and the API show it: the groups and one page of
 * rows a filter selects, each cell with its verdict and the pods running there.
 *
 * @param groups the groups shown, the matrix's columns
 * @param rows the rows of the page
 * @param matching how many rows the filter selects
 * @param page the page shown
 * @param pages how many pages
 * @param profiles the scheduling profiles of the rows the filter selects, with how many workloads share each
 */
public record TaintView(List<NodeGroup> groups, List<RowView> rows, int matching, int page, int pages,
		List<ProfileView> profiles) {

	static TaintView of(TaintMap map, TaintFilter filter) {
		return of(map, filter, TaintFilter.ROWS_PER_PAGE);
	}

	static TaintView of(TaintMap map, TaintFilter filter, int perPage) {
		List<Integer> columns = new ArrayList<>();
		for (int g = 0; g < map.groups().size(); g++) {
			if (filter.shows(map.groups().get(g))) {
				columns.add(g);
			}
		}
		List<Integer> selected = new ArrayList<>();
		int[] sharing = new int[map.profiles().size()];
		for (int r = 0; r < map.rows().size(); r++) {
			if (filter.shows(map.rows().get(r))) {
				selected.add(r);
				sharing[map.rows().get(r).profile()]++;
			}
		}
		List<ProfileView> profiles = new ArrayList<>();
		for (Profile profile : map.profiles()) {
			if (sharing[profile.id()] > 0) {
				List<CellView> cells = new ArrayList<>();
				for (int g : columns) {
					cells.add(new CellView(map.groups().get(g), profile.cells().get(g), 0));
				}
				profiles.add(new ProfileView(profile, sharing[profile.id()], cells));
			}
		}
		int pages = Math.max(1, (selected.size() + perPage - 1) / perPage);
		int page = Math.min(filter.page(), pages);
		List<RowView> rows = new ArrayList<>();
		for (int r : selected.subList((page - 1) * perPage, Math.min(selected.size(), page * perPage))) {
			rows.add(row(map, map.rows().get(r), columns));
		}
		return new TaintView(columns.stream().map(map.groups()::get).toList(), rows, selected.size(), page, pages,
				profiles);
	}

	static RowView row(TaintMap map, Row row, List<Integer> columns) {
		Profile profile = map.profiles().get(row.profile());
		List<CellView> cells = new ArrayList<>();
		for (int g : columns) {
			NodeGroup group = map.groups().get(g);
			cells.add(new CellView(group, profile.cells().get(g), row.placed().getOrDefault(group.id(), 0)));
		}
		return new RowView(row, profile, cells);
	}

	/**
	 * The namespaces of the map's workloads, for the filter's suggestions.
	 * @param map the map
	 * @param limit how many at most
	 * @return namespaces in name order
	 */
	static List<String> namespaces(TaintMap map, int limit) {
		TreeSet<String> namespaces = new TreeSet<>();
		map.rows().forEach((row) -> namespaces.add(row.namespace()));
		return namespaces.stream().limit(limit).toList();
	}

	static List<String> pools(TaintMap map) {
		TreeSet<String> pools = new TreeSet<>();
		map.groups().forEach((group) -> pools.add(TaintFilter.pool(group)));
		return List.copyOf(pools);
	}

	static @Nullable NodeEntry node(TaintMap map, String name) {
		return map.nodes().stream().filter((node) -> node.name().equals(name)).findFirst().orElse(null);
	}

	static NodeGroup group(TaintMap map, String id) {
		return map.groups().stream().filter((group) -> group.id().equals(id)).findFirst().orElseThrow();
	}

	static Map<String, NodeGroup> groupsById(TaintMap map) {
		Map<String, NodeGroup> byId = new java.util.LinkedHashMap<>();
		map.groups().forEach((group) -> byId.put(group.id(), group));
		return byId;
	}

	/**
	 * A scheduling profile and the workloads that share it.
	 *
	 * @param profile the profile
	 * @param workloads how many of the selected workloads have it
	 * @param cells one per group shown
	 */
	public record ProfileView(Profile profile, int workloads, List<CellView> cells) {
	}

	/**
	 * A workload's row.
	 *
	 * @param row the stored row
	 * @param profile its scheduling profile
	 * @param cells one per group shown
	 */
	public record RowView(Row row, Profile profile, List<CellView> cells) {

		public String subject() {
			return this.row.namespace() + "/" + this.row.kind() + "/" + this.row.name();
		}

	}

	/**
	 * One cell.
	 *
	 * @param group the group
	 * @param cell may the pods go there, and why
	 * @param placed pods of the workload running there
	 */
	public record CellView(NodeGroup group, Cell cell, int placed) {

		public boolean allowed() {
			return this.cell.verdict() != Verdict.TAINT && this.cell.verdict() != Verdict.SELECTOR;
		}

		/**
		 * Pods that run where they may no longer be scheduled: placed before a taint or label
		 * changed, and kept because NoSchedule does not evict.
		 * @return {@code true} when pods run on a group that refuses them now
		 */
		public boolean runsAgainst() {
			return this.placed > 0 && !allowed();
		}

		/**
		 * The badge class for the cell.
		 * @return e.g. {@code badge-ok}
		 */
		public String badge() {
			if (runsAgainst()) {
				return "badge-danger";
			}
			return switch (this.cell.verdict()) {
				case ALLOWED -> "badge-ok";
				case DISCOURAGED -> "badge-warning";
				case PARTIAL -> "badge-info";
				default -> "badge-muted";
			};
		}

		/**
		 * The cell's key for the symbol and the verdict text.
		 * @return the verdict in lower case
		 */
		public String verdict() {
			return this.cell.verdict().name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
