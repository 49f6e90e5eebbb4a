package dev.ballast.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.ballast.network.NetworkReport.Mask;
import dev.ballast.network.NetworkReport.Mode;
import dev.ballast.network.NetworkReport.NodeRow;
import dev.ballast.network.NetworkReport.Note;
import dev.ballast.network.NetworkReport.Plugin;
import dev.ballast.network.NetworkReport.Range;
import dev.ballast.network.NetworkReport.Source;
import dev.ballast.network.NetworkReport.Usage;
import dev.ballast.snapshot.ClusterNode;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ConfigMap;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Service;

/**
 * The network model and its address capacity. A pure function of a snapshot: no I/O, no Spring. The scan stores its result as the
 * {@value #KIND} analysis document.
 */
public final class NetworkAnalysis {

	/** The kind of the stored document. */
	public static final String KIND = "network";

	/**
	 * The version of the stored document's shape, raised when a field changes meaning. Version 1
	 * held no results; scans stored with it read as "no such analysis".
	 */
	public static final int VERSION = 2;

	/** The kinds whose absence makes a number unknowable. */
	private static final List<String> NEEDED = List.of("Node", "Pod", "Service", "ConfigMap", "DaemonSet");

	private NetworkAnalysis() {
	}

	/**
	 * Analyses a snapshot.
	 * @param snapshot the snapshot
	 * @return the result, stored with the scan
	 */
	public static NetworkReport of(ClusterSnapshot snapshot) {
		List<Note> notes = new ArrayList<>();
		Plugin plugin = Discovery.plugin(snapshot);
		List<NodeRow> nodes = nodes(snapshot, plugin);
		Map<String, List<Cidr>> blocks = blocksByFamily(nodes);
		List<Range> podRanges = new ArrayList<>(Discovery.podRanges(snapshot));
		if (plugin.mode() == Mode.UNKNOWN && !podRanges.isEmpty()) {
			// a configured cluster CIDR is what the node IPAM of kube-controller-manager splits into node blocks
			plugin = new Plugin(plugin.name(), Mode.NODE_BLOCKS, podRanges.get(0).evidence());
		}
		for (Map.Entry<String, List<Cidr>> family : blocks.entrySet()) {
			if (podRanges.stream().noneMatch((r) -> r.family().equals(family.getKey()))) {
				Cidr cover = Cidr.covering(family.getValue());
				podRanges.add(new Range(cover.toString(), family.getKey(), Source.NODE_BLOCKS_COVER, "Node spec.podCIDRs", true));
				notes.add(new Note("pod-range-guessed", List.of(cover.toString())));
			}
		}
		List<Mask> masks = masks(snapshot, blocks, podRanges, notes);
		List<Range> serviceRanges = Discovery.serviceRanges(snapshot);
		Usage usage = usage(snapshot, nodes);
		notes(snapshot, plugin, podRanges, serviceRanges, usage, nodes, notes);
		NetworkCapacity capacity = NetworkCapacity.of(plugin.mode(), podRanges, serviceRanges, masks, nodes,
				usage.serviceIps(), NetworkOverrides.NONE);
		return new NetworkReport(plugin, podRanges, serviceRanges, masks, nodes, usage, capacity, notes);
	}

	private static List<NodeRow> nodes(ClusterSnapshot snapshot, Plugin plugin) {
		List<NodeRow> rows = new ArrayList<>();
		for (ClusterNode node : snapshot.nodes()) {
			int podIps = 0;
			for (PodFacts pod : snapshot.podsOn(node.name())) {
				podIps += holdsIp(pod) ? 1 : 0;
			}
			String type = node.labels().getOrDefault("node.kubernetes.io/instance-type",
					node.labels().get("beta.kubernetes.io/instance-type"));
			long pods = node.allocatable().amount("pods");
			Integer eni = plugin.name().equals("aws-vpc-cni") ? EniLimits.maxPods(type) : null;
			long tkeEni = node.allocatable().amount(EniLimits.TKE_ENI_IP);
			if (plugin.name().equals("tke-vpc-cni") && tkeEni > 0) {
				eni = (int) Math.min(Integer.MAX_VALUE, tkeEni);
			}
			rows.add(new NodeRow(node.name(), type, node.podCidrs(), podIps, (int) Math.min(Integer.MAX_VALUE, pods), eni));
		}
		rows.sort((a, b) -> a.name().compareTo(b.name()));
		return rows;
	}

	private static boolean holdsIp(PodFacts pod) {
		return !pod.hostNetwork() && !pod.podIps().isEmpty() && !"Succeeded".equals(pod.phase())
				&& !"Failed".equals(pod.phase());
	}

	private static Map<String, List<Cidr>> blocksByFamily(List<NodeRow> nodes) {
		Map<String, List<Cidr>> blocks = new TreeMap<>();
		for (NodeRow node : nodes) {
			for (String text : node.blocks()) {
				Cidr block = Cidr.parseOrNull(text);
				if (block != null) {
					blocks.computeIfAbsent(block.family(), (f) -> new ArrayList<>()).add(block);
				}
			}
		}
		return blocks;
	}

	/** The node mask: kubeadm's setting, else the prefix most node blocks have, else the default (/24, /64). */
	private static List<Mask> masks(ClusterSnapshot snapshot, Map<String, List<Cidr>> blocks, List<Range> podRanges,
			List<Note> notes) {
		Map<String, Integer> configured = Discovery.masks(snapshot);
		Set<String> families = new java.util.TreeSet<>(blocks.keySet());
		podRanges.forEach((r) -> families.add(r.family()));
		List<Mask> masks = new ArrayList<>();
		for (String family : families) {
			if (configured.containsKey(family)) {
				masks.add(new Mask(family, configured.get(family), Source.KUBEADM, false));
			}
			else if (blocks.containsKey(family)) {
				Map<Integer, Integer> counts = new HashMap<>();
				blocks.get(family).forEach((b) -> counts.merge(b.prefix(), 1, Integer::sum));
				int common = counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
				masks.add(new Mask(family, common, Source.NODE_SPECS, false));
			}
			else {
				int mask = family.equals("IPv6") ? 64 : 24;
				masks.add(new Mask(family, mask, Source.DEFAULT, true));
				notes.add(new Note("mask-default", List.of(family, String.valueOf(mask))));
			}
		}
		return masks;
	}

	private static Usage usage(ClusterSnapshot snapshot, List<NodeRow> nodes) {
		Map<String, Set<String>> serviceIps = new TreeMap<>();
		for (Service service : snapshot.services()) {
			for (String ip : service.clusterIps()) {
				Cidr address = Cidr.address(ip);
				if (address != null) {
					serviceIps.computeIfAbsent(address.family(), (f) -> new HashSet<>()).add(ip);
				}
			}
		}
		Map<String, Integer> counts = new TreeMap<>();
		serviceIps.forEach((family, ips) -> counts.put(family, ips.size()));
		int podIps = 0;
		int withoutBlock = 0;
		for (NodeRow node : nodes) {
			podIps += node.podIps();
			withoutBlock += node.blocks().isEmpty() ? 1 : 0;
		}
		int hostNetwork = (int) snapshot.pods().stream().filter(PodFacts::hostNetwork).count();
		return new Usage(nodes.size(), withoutBlock, podIps, hostNetwork, counts);
	}

	private static void notes(ClusterSnapshot snapshot, Plugin plugin, List<Range> podRanges, List<Range> serviceRanges,
			Usage usage, List<NodeRow> nodes, List<Note> notes) {
		for (String kind : NEEDED) {
			if (snapshot.gap(kind) != null) {
				notes.add(new Note("gap", List.of(kind)));
			}
		}
		if (nodes.isEmpty()) {
			notes.add(new Note("no-nodes", List.of()));
		}
		if (plugin.mode() == Mode.NODE_BLOCKS && usage.nodesWithoutBlock() > 0) {
			List<String> names = nodes.stream().filter((n) -> n.blocks().isEmpty()).map(NodeRow::name).limit(5).toList();
			notes.add(new Note("nodes-without-block",
					List.of(String.valueOf(usage.nodesWithoutBlock()), String.join(", ", names))));
		}
		if (plugin.mode() != Mode.VPC_NATIVE && podRanges.isEmpty()) {
			notes.add(new Note("pod-range-unknown", List.of()));
		}
		if (serviceRanges.isEmpty()) {
			notes.add(new Note("service-range-unknown", List.of()));
		}
		for (Range range : serviceRanges) {
			if (range.guessed()) {
				notes.add(new Note("service-range-guessed", List.of(range.cidr(), range.evidence())));
			}
		}
		if (plugin.mode() == Mode.VPC_NATIVE) {
			notes.add(new Note("vpc-native", List.of(plugin.name())));
		}
		if (plugin.name().equals("calico")) {
			notes.add(new Note("calico-ipam", List.of()));
		}
		for (ConfigMap map : snapshot.configMaps()) {
			if (map.name().equals("cilium-config") && "cluster-pool".equals(map.data().get("ipam"))) {
				notes.add(new Note("cilium-cluster-pool", List.of()));
			}
		}
	}

}
