package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.List;

import dev.ballast.isolation.Reachability.Port;

/**
 * Who can reach whom on one port: sources as rows, destinations as columns, each cell counting the
 * (source pod, destination pod) pairs that are allowed, computed per pod group (a workload read
 * from manifests, without pods, counts as one pod). Computed on request; its cost is the
 * number of group pairs shown, so the caller bounds the namespaces it asks for.
 *
 * @param port the port
 * @param rows the sources (namespace names, or group titles)
 * @param columns the destinations
 * @param cells {@code cells.get(row).get(column)}
 */
public record ReachMatrix(Port port, List<String> rows, List<String> columns, List<List<Cell>> cells) {

	public ReachMatrix {
		rows = List.copyOf(rows);
		columns = List.copyOf(columns);
		cells = cells.stream().map(List::copyOf).toList();
	}

	/**
	 * Namespace × namespace.
	 * @param reach the engine
	 * @param namespaces the namespaces, in order
	 * @param port the port
	 * @return the matrix
	 */
	public static ReachMatrix namespaces(Reachability reach, List<String> namespaces, Port port) {
		List<List<Cell>> cells = new ArrayList<>();
		for (String from : namespaces) {
			List<Cell> row = new ArrayList<>();
			for (String to : namespaces) {
				row.add(cell(reach, reach.groupsIn(from), reach.groupsIn(to), port));
			}
			cells.add(row);
		}
		return new ReachMatrix(port, namespaces, namespaces, cells);
	}

	/**
	 * Pod group × pod group.
	 * @param reach the engine
	 * @param groups the groups' indexes, in order
	 * @param port the port
	 * @return the matrix, labelled {@code namespace/title}
	 */
	public static ReachMatrix groups(Reachability reach, List<Integer> groups, Port port) {
		List<String> labels = new ArrayList<>();
		for (int group : groups) {
			NetworkIsolation.PodGroup podGroup = reach.network().groups().get(group);
			labels.add(podGroup.namespace() + "/" + podGroup.title());
		}
		List<List<Cell>> cells = new ArrayList<>();
		for (int from : groups) {
			List<Cell> row = new ArrayList<>();
			for (int to : groups) {
				row.add(cell(reach, List.of(from), List.of(to), port));
			}
			cells.add(row);
		}
		return new ReachMatrix(port, labels, labels, cells);
	}

	private static Cell cell(Reachability reach, List<Integer> from, List<Integer> to, Port port) {
		long allowed = 0;
		long pairs = 0;
		for (int source : from) {
			long sources = Math.max(1, reach.network().groups().get(source).pods());
			for (int destination : to) {
				long weight = sources * Math.max(1, reach.network().groups().get(destination).pods());
				pairs += weight;
				if (reach.decide(source, destination, port).allowed()) {
					allowed += weight;
				}
			}
		}
		return new Cell(allowed, pairs);
	}

	/**
	 * One cell.
	 *
	 * @param allowed allowed pod pairs
	 * @param pairs pod pairs ({@code 0} when either side has no pods)
	 */
	public record Cell(long allowed, long pairs) {

		/**
		 * {@code all}, {@code some}, {@code none} or {@code empty}.
		 * @return the state, also the message key suffix and the CSS modifier
		 */
		public String state() {
			return (this.pairs == 0) ? "empty" : (this.allowed == this.pairs) ? "all" : (this.allowed == 0) ? "none" : "some";
		}

	}

}
