package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.List;

import dev.ballast.isolation.NetworkIsolation.PodGroup;
import dev.ballast.isolation.Reachability.Decision;
import dev.ballast.isolation.Reachability.Port;
import dev.ballast.isolation.Reachability.Side;

/**
 * "Can namespace A reach namespace B on port P?" with the policies that decide, per pair of pod
 * groups: allowed pairs first; each side says whether it is isolated, by which policies, and which
 * of them allow the connection.
 *
 * @param from the source namespace
 * @param to the destination namespace
 * @param port the port
 * @param allowedPairs allowed (source pod, destination pod) pairs
 * @param pairs all pod pairs
 * @param rows the group pairs, at most the limit asked for
 * @param more group pairs left out of {@code rows}
 */
public record ReachAnswer(String from, String to, Port port, long allowedPairs, long pairs, List<Row> rows, int more) {

	public ReachAnswer {
		rows = List.copyOf(rows);
	}

	/**
	 * Answers.
	 * @param reach the engine
	 * @param from the source namespace
	 * @param to the destination namespace
	 * @param port the port
	 * @param limit the most rows to list
	 * @return the answer
	 */
	public static ReachAnswer of(Reachability reach, String from, String to, Port port, int limit) {
		List<Row> allowed = new ArrayList<>();
		List<Row> denied = new ArrayList<>();
		long allowedPairs = 0;
		long pairs = 0;
		for (int source : reach.groupsIn(from)) {
			for (int destination : reach.groupsIn(to)) {
				Decision decision = reach.decide(source, destination, port);
				PodGroup a = reach.network().groups().get(source);
				PodGroup b = reach.network().groups().get(destination);
				long weight = (long) Math.max(1, a.pods()) * Math.max(1, b.pods());
				pairs += weight;
				Row row = new Row(a.title(), a.workloads(), a.workloadCount(), a.pods(), b.title(), b.workloads(),
						b.workloadCount(), b.pods(), decision.allowed(), decision.egress(), decision.ingress());
				if (decision.allowed()) {
					allowedPairs += weight;
					allowed.add(row);
				}
				else {
					denied.add(row);
				}
			}
		}
		allowed.addAll(denied);
		int more = Math.max(0, allowed.size() - limit);
		return new ReachAnswer(from, to, port, allowedPairs, pairs, allowed.subList(0, allowed.size() - more), more);
	}

	/**
	 * {@code all}, {@code some}, {@code none} or {@code empty}, as a matrix cell.
	 * @return the state
	 */
	public String state() {
		return new ReachMatrix.Cell(this.allowedPairs, this.pairs).state();
	}

	/**
	 * One pair of pod groups.
	 *
	 * @param source the source group's title
	 * @param sourceWorkloads its first workloads
	 * @param sourceWorkloadCount its workloads
	 * @param sourcePods its pods
	 * @param destination the destination group's title
	 * @param destinationWorkloads its first workloads
	 * @param destinationWorkloadCount its workloads
	 * @param destinationPods its pods
	 * @param allowed whether the connection is allowed
	 * @param egress the source's egress side
	 * @param ingress the destination's ingress side
	 */
	public record Row(String source, List<String> sourceWorkloads, int sourceWorkloadCount, int sourcePods,
			String destination, List<String> destinationWorkloads, int destinationWorkloadCount, int destinationPods,
			boolean allowed, Side egress, Side ingress) {
	}

}
