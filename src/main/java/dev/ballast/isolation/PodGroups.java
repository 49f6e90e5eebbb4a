package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1PodSpec;

import dev.ballast.isolation.NetworkIsolation.NamedPort;
import dev.ballast.isolation.NetworkIsolation.PodGroup;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.Workload;
import dev.ballast.snapshot.WorkloadRef;

/**
 * Groups the pods of a snapshot by what NetworkPolicy can tell apart: namespace, the labels some
 * policy's pod selector looks at, the named ports some policy names (from the owning workload's
 * template) and the ipBlocks their IPs fall in. Labels and port names no policy mentions cannot
 * change a decision, so pods differing only in them (a StatefulSet's pod names, template hashes,
 * workloads of a namespace no policy looks into) share a group. Finished pods
 * and pods on the host network are left out (counted apart). A workload without pods in the
 * snapshot (manifest files) counts as one group of its template's labels with no pods.
 */
final class PodGroups {

	private static final Set<String> FINISHED = Set.of("Succeeded", "Failed");

	private final Map<String, PodGroup> groups = new LinkedHashMap<>();

	private final Map<String, Integer> hostNetwork = new HashMap<>();

	private final Map<String, List<NamedPort>> portsByWorkload = new HashMap<>();

	private final Set<String> labelKeys = new java.util.HashSet<>();

	private final Set<String> portNames = new java.util.HashSet<>();

	List<PodGroup> of(ClusterSnapshot snapshot, List<Policy> policies, List<Policy.IpBlock> ipBlocks) {
		for (Policy policy : policies) {
			keys(policy.pods());
			for (Policy.Rule rule : policy.ingressRules()) {
				rule(rule);
			}
			for (Policy.Rule rule : policy.egressRules()) {
				rule(rule);
			}
		}
		Map<String, Workload> workloads = new HashMap<>();
		for (Workload workload : snapshot.workloads()) {
			workloads.put(key(workload.namespace(), workload.kind(), workload.name()), workload);
		}
		List<Cidr[]> blocks = new ArrayList<>();
		for (Policy.IpBlock block : ipBlocks) {
			Cidr[] parsed = new Cidr[block.except().size() + 1];
			parsed[0] = Cidr.parse(block.cidr());
			for (int i = 0; i < block.except().size(); i++) {
				parsed[i + 1] = Cidr.parse(block.except().get(i));
			}
			blocks.add(parsed);
		}
		for (PodFacts pod : snapshot.pods()) {
			if (pod.phase() != null && FINISHED.contains(pod.phase())) {
				continue;
			}
			if (pod.hostNetwork()) {
				this.hostNetwork.merge(pod.namespace(), 1, Integer::sum);
				continue;
			}
			WorkloadRef owner = pod.owner();
			Workload workload = (owner != null) ? workloads.get(key(pod.namespace(), owner.kind(), owner.name()))
					: workloads.get(key(pod.namespace(), "Pod", pod.name()));
			String name = (owner != null) ? owner.kind() + "/" + owner.name() : "Pod/" + pod.name();
			add(pod.namespace(), pod.labels(), 1, ports(workload), inBlocks(pod.podIps(), blocks), name);
		}
		for (Workload workload : snapshot.workloads()) {
			if (snapshot.podsOf(workload).isEmpty() && !workload.kind().equals("Pod")
					&& !workload.kind().equals("Job") && !workload.kind().equals("CronJob")
					&& !hostNetwork(workload)) {
				Map<String, String> labels = (workload.template().getMetadata() != null
						&& workload.template().getMetadata().getLabels() != null)
								? workload.template().getMetadata().getLabels() : Map.of();
				add(workload.namespace(), labels, 0, ports(workload), List.of(),
						workload.kind() + "/" + workload.name());
			}
		}
		return new ArrayList<>(this.groups.values());
	}

	private void rule(Policy.Rule rule) {
		for (Policy.Peer peer : rule.peers()) {
			if (peer.pods() != null) {
				keys(peer.pods());
			}
		}
		for (Policy.PolicyPort port : rule.ports()) {
			if (port.name() != null) {
				this.portNames.add(port.name());
			}
		}
	}

	private void keys(Selector selector) {
		this.labelKeys.addAll(selector.matchLabels().keySet());
		selector.expressions().forEach((requirement) -> this.labelKeys.add(requirement.key()));
	}

	private Map<String, String> relevant(Map<String, String> labels) {
		Map<String, String> kept = new java.util.TreeMap<>();
		labels.forEach((key, value) -> {
			if (this.labelKeys.contains(key)) {
				kept.put(key, value);
			}
		});
		return kept;
	}

	/**
	 * Pods on the host network, by namespace.
	 * @return the counts
	 */
	Map<String, Integer> hostNetwork() {
		return this.hostNetwork;
	}

	private void add(String namespace, Map<String, String> labels, int pods, List<NamedPort> ports,
			List<Integer> blocks, String workload) {
		Map<String, String> kept = relevant(labels);
		String key = namespace + '\n' + kept + '\n' + ports + '\n' + blocks;
		PodGroup group = this.groups.get(key);
		if (group == null) {
			this.groups.put(key, new PodGroup(namespace, kept, pods, ports, blocks, List.of(workload), 1));
			return;
		}
		List<String> names = group.workloads();
		int count = group.workloadCount();
		if (!names.contains(workload)) {
			count++;
			if (names.size() < 3) {
				names = new ArrayList<>(names);
				names.add(workload);
			}
		}
		this.groups.put(key, new PodGroup(namespace, kept, group.pods() + pods, ports, blocks, names, count));
	}

	private static List<Integer> inBlocks(List<String> ips, List<Cidr[]> blocks) {
		if (blocks.isEmpty() || ips.isEmpty()) {
			return List.of();
		}
		List<Integer> in = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			if (inBlock(ips, blocks.get(i))) {
				in.add(i);
			}
		}
		return in;
	}

	private static boolean inBlock(List<String> ips, Cidr[] block) {
		for (String ip : ips) {
			if (block[0] != null && block[0].contains(ip) && !excepted(ip, block)) {
				return true;
			}
		}
		return false;
	}

	private static boolean excepted(String ip, Cidr[] block) {
		for (int i = 1; i < block.length; i++) {
			if (block[i] != null && block[i].contains(ip)) {
				return true;
			}
		}
		return false;
	}

	private List<NamedPort> ports(@org.jspecify.annotations.Nullable Workload workload) {
		if (workload == null) {
			return List.of();
		}
		return this.portsByWorkload.computeIfAbsent(key(workload.namespace(), workload.kind(), workload.name()),
				(key) -> namedPorts(workload.template().getSpec()));
	}

	private List<NamedPort> namedPorts(@org.jspecify.annotations.Nullable V1PodSpec spec) {
		if (spec == null) {
			return List.of();
		}
		List<NamedPort> ports = new ArrayList<>();
		List<V1Container> containers = new ArrayList<>();
		if (spec.getContainers() != null) {
			containers.addAll(spec.getContainers());
		}
		if (spec.getInitContainers() != null) {
			containers.addAll(spec.getInitContainers());
		}
		for (V1Container container : containers) {
			if (container.getPorts() == null) {
				continue;
			}
			for (V1ContainerPort port : container.getPorts()) {
				if (port.getName() != null && this.portNames.contains(port.getName())) {
					ports.add(new NamedPort(port.getName(), port.getContainerPort(),
							(port.getProtocol() != null) ? port.getProtocol() : "TCP"));
				}
			}
		}
		ports.sort(java.util.Comparator.comparing(NamedPort::name));
		return ports;
	}

	private static boolean hostNetwork(Workload workload) {
		V1PodSpec spec = workload.template().getSpec();
		return spec != null && Boolean.TRUE.equals(spec.getHostNetwork());
	}

	private static String key(String namespace, String kind, String name) {
		return namespace + '/' + kind + '/' + name;
	}

}
