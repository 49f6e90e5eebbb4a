package dev.ballast.testcluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeList;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Taint;

/**
 * Plays the kubelets of simulated nodes against a real control plane: registers nodes, reports
 * them Ready once node IPAM gave them a {@code spec.podCIDR} (lifting the
 * {@code node.kubernetes.io/not-ready} taint), and starts the pods the scheduler bound to them:
 * phase Running, a pod IP allocated sequentially from the node's podCIDR, container statuses
 * shaped by the {@code sim.ballast.dev/*} annotations described in {@link PodStatuses}. Pods
 * being deleted are removed at once, as a kubelet confirms a deletion. Nothing runs: all of it
 * is status.
 */
public final class SimulatedKubelet {

	static final String NOT_READY_TAINT = "node.kubernetes.io/not-ready";

	private static final Duration NO_CIDR_PATIENCE = Duration.ofSeconds(15);

	private final CoreV1Api core;

	private final Convergence convergence;

	private final int parallelism;

	private final Map<String, V1NodeStatus> reported = new ConcurrentHashMap<>();

	private final Map<String, PodIpPool> pools = new ConcurrentHashMap<>();

	private String kubeletVersion;

	public SimulatedKubelet(ApiClient admin) {
		this(admin, 8);
	}

	/** @param parallelism concurrent status writes (large scenarios profit from more) */
	public SimulatedKubelet(ApiClient admin, int parallelism) {
		this.core = new CoreV1Api(admin);
		this.convergence = new Convergence(admin);
		this.parallelism = parallelism;
	}

	/**
	 * Registers a node as a kubelet does: NotReady, tainted {@code not-ready:NoSchedule}, with
	 * default labels; its manifest's {@code status} (completed by defaults) is reported once
	 * it is ready. A node that exists already is adopted.
	 */
	public void register(V1Node manifest) throws ApiException {
		V1ObjectMeta meta = Objects.requireNonNull(manifest.getMetadata(), "a Node needs metadata");
		String name = meta.getName();
		Map<String, String> labels = NodeDefaults.labels(name);
		if (meta.getLabels() != null) {
			labels.putAll(meta.getLabels());
		}
		String runtime = (meta.getAnnotations() != null) ? meta.getAnnotations().get(NodeDefaults.RUNTIME_ANNOTATION)
				: null;
		this.reported.put(name, NodeDefaults.status(name, runtime, kubeletVersion(), Math.abs(name.hashCode() % 60000),
				manifest.getStatus()));
		V1NodeSpec spec = (manifest.getSpec() != null) ? manifest.getSpec() : new V1NodeSpec();
		List<V1Taint> taints = new ArrayList<>((spec.getTaints() != null) ? spec.getTaints() : List.of());
		taints.add(new V1Taint().key(NOT_READY_TAINT).effect("NoSchedule"));
		spec.setTaints(taints);
		V1Node node = new V1Node()
			.metadata(new V1ObjectMeta().name(name).labels(labels).annotations(meta.getAnnotations()))
			.spec(spec);
		try {
			this.core.createNode(node).execute();
		}
		catch (ApiException ex) {
			if (ex.getCode() != 409) {
				throw ex;
			}
		}
	}

	/**
	 * Reports the nodes Ready once node IPAM assigned their podCIDR. Nodes that get none (the
	 * cluster CIDR is exhausted) stay NotReady and tainted, as with a real network plugin.
	 * @return the nodes left NotReady
	 */
	public List<String> makeReady(Collection<String> names, Duration timeout) throws ApiException {
		Set<String> waiting = new LinkedHashSet<>(names);
		long deadline = System.nanoTime() + timeout.toNanos();
		long lastProgress = System.nanoTime();
		while (!waiting.isEmpty()) {
			List<V1Node> withCidr = nodes().values()
				.stream()
				.filter((node) -> waiting.contains(node.getMetadata().getName()) && node.getSpec().getPodCIDR() != null)
				.toList();
			ApiWork.parallel(this.parallelism, withCidr, (node) -> report(node.getMetadata().getName(), true));
			withCidr.forEach((node) -> waiting.remove(node.getMetadata().getName()));
			if (!withCidr.isEmpty()) {
				lastProgress = System.nanoTime();
			}
			long now = System.nanoTime();
			if (waiting.isEmpty() || now > deadline || now - lastProgress > NO_CIDR_PATIENCE.toNanos()) {
				break;
			}
			ApiWork.pause(200);
		}
		ApiWork.parallel(this.parallelism, new ArrayList<>(waiting), (name) -> report(name, false));
		return List.copyOf(waiting);
	}

	/**
	 * Runs the kubelet until every pod of the namespaces is Running, unschedulable, or bound to
	 * a node without podCIDR, and their Deployments, ReplicaSets, StatefulSets and DaemonSets
	 * created all the pods they can.
	 * @throws IllegalStateException on timeout, naming what has not settled
	 */
	public Placement runUntilSettled(Set<String> namespaces, Duration timeout) throws ApiException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String previous = null;
		while (true) {
			List<V1Pod> pods = this.convergence.pods(namespaces);
			Map<String, V1Node> nodes = nodes();
			List<String> unsettled = new ArrayList<>();
			if (sync(pods, nodes) > 0) {
				previous = null;
				unsettled.add("pods just started or deleted");
			}
			else {
				pods.stream().filter((pod) -> !settled(pod, nodes)).map(Convergence::id).forEach(unsettled::add);
				unsettled.addAll(this.convergence.unconverged(namespaces, pods));
				String fingerprint = pods.stream()
					.map((pod) -> pod.getMetadata().getUid() + pod.getStatus().getPhase())
					.sorted()
					.toList()
					.toString();
				if (unsettled.isEmpty() && fingerprint.equals(previous)) {
					return Placement.of(pods);
				}
				previous = unsettled.isEmpty() ? fingerprint : null;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("pods not placed after " + timeout + ": " + unsettled);
			}
			ApiWork.pause(300);
		}
	}

	/** One pass over the given pods: starts bound Pending pods, finishes deletions. */
	private int sync(List<V1Pod> pods, Map<String, V1Node> nodes) throws ApiException {
		List<V1Pod> toDelete = new ArrayList<>();
		List<V1Pod> toStart = new ArrayList<>();
		for (V1Pod pod : pods) {
			String nodeName = pod.getSpec().getNodeName();
			if (nodeName == null) {
				continue;
			}
			if (pod.getMetadata().getDeletionTimestamp() != null) {
				toDelete.add(pod);
			}
			else if ("Pending".equals(pod.getStatus().getPhase()) && nodes.containsKey(nodeName)
					&& nodes.get(nodeName).getSpec().getPodCIDR() != null) {
				toStart.add(pod);
			}
			else if (pod.getStatus().getPodIP() != null && !Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
				pool(nodes.get(nodeName)).ifPresent((pool) -> pool.markUsed(pod.getStatus().getPodIP()));
			}
		}
		ApiWork.parallel(this.parallelism, toDelete, (pod) -> this.core.deleteNamespacedPod(pod.getMetadata().getName(), pod.getMetadata().getNamespace())
			.gracePeriodSeconds(0)
			.execute());
		ApiWork.parallel(this.parallelism, toStart, (pod) -> start(pod, nodes.get(pod.getSpec().getNodeName())));
		return toDelete.size() + toStart.size();
	}

	private void start(V1Pod pod, V1Node node) throws ApiException {
		String hostIp = node.getStatus().getAddresses() == null ? null
				: node.getStatus().getAddresses().stream().filter((a) -> "InternalIP".equals(a.getType()))
					.map(V1NodeAddress::getAddress).findFirst().orElse(null);
		String podIp = Boolean.TRUE.equals(pod.getSpec().getHostNetwork()) ? hostIp
				: pool(node).orElseThrow().allocate();
		String runtime = node.getStatus().getNodeInfo() != null ? node.getStatus().getNodeInfo().getContainerRuntimeVersion() : "";
		pod.setStatus(PodStatuses.running(pod, hostIp, podIp, runtime == null ? "" : runtime));
		this.core.replaceNamespacedPodStatus(pod.getMetadata().getName(), pod.getMetadata().getNamespace(), pod).execute();
	}

	/** The node's pool, seeded with the IPs of all pods already on it (of any scenario). */
	private Optional<PodIpPool> pool(V1Node node) {
		if (node == null || node.getSpec().getPodCIDR() == null) {
			return Optional.empty();
		}
		String name = node.getMetadata().getName();
		String cidr = node.getSpec().getPodCIDR();
		return Optional.of(this.pools.computeIfAbsent(name + "/" + cidr, (key) -> {
			PodIpPool pool = new PodIpPool(cidr);
			try {
				this.core.listPodForAllNamespaces()
					.fieldSelector("spec.nodeName=" + name)
					.execute()
					.getItems()
					.stream()
					.filter((pod) -> pod.getStatus().getPodIP() != null && !Boolean.TRUE.equals(pod.getSpec().getHostNetwork()))
					.forEach((pod) -> pool.markUsed(pod.getStatus().getPodIP()));
			}
			catch (ApiException ex) {
				throw new IllegalStateException("cannot list the pods of node " + name + ": " + ex.getCode(), ex);
			}
			return pool;
		}));
	}

	private void report(String name, boolean ready) throws ApiException {
		for (int attempt = 1;; attempt++) {
			try {
				V1Node node = this.core.readNode(name).execute();
				V1NodeStatus status = this.reported.get(name);
				if (status == null) {
					status = node.getStatus();
				}
				status.setConditions(NodeDefaults.conditions(ready, "container runtime network not ready: NetworkReady=false"
						+ " reason:NetworkPluginNotReady message:node has no podCIDR"));
				node.setStatus(status);
				node = this.core.replaceNodeStatus(name, node).execute();
				if (ready && node.getSpec().getTaints() != null) {
					node.getSpec().setTaints(node.getSpec().getTaints().stream()
						.filter((taint) -> !NOT_READY_TAINT.equals(taint.getKey()))
						.toList());
					this.core.replaceNode(name, node).execute();
				}
				return;
			}
			catch (ApiException ex) {
				if (ex.getCode() != 409 || attempt >= 10) {
					throw ex;
				}
			}
		}
	}

	private Map<String, V1Node> nodes() throws ApiException {
		Map<String, V1Node> nodes = new LinkedHashMap<>();
		String next = null;
		do {
			V1NodeList page = this.core.listNode().limit(500)._continue(next).execute();
			page.getItems().forEach((node) -> nodes.put(node.getMetadata().getName(), node));
			next = page.getMetadata().getContinue();
		}
		while (next != null && !next.isEmpty());
		return nodes;
	}

	private static boolean settled(V1Pod pod, Map<String, V1Node> nodes) {
		if ("Running".equals(pod.getStatus().getPhase()) || Convergence.unschedulable(pod)) {
			return true;
		}
		V1Node node = (pod.getSpec().getNodeName() != null) ? nodes.get(pod.getSpec().getNodeName()) : null;
		return node != null && node.getSpec().getPodCIDR() == null;
	}

	private String kubeletVersion() throws ApiException {
		if (this.kubeletVersion == null) {
			this.kubeletVersion = new VersionApi(this.core.getApiClient()).getCode().execute().getGitVersion();
		}
		return this.kubeletVersion;
	}

	/**
	 * Where the pods of a scenario ended up.
	 * @param running pods Running
	 * @param unschedulable pods ({@code namespace/name}) the scheduler could not place
	 */
	public record Placement(int running, List<String> unschedulable) {

		static Placement of(List<V1Pod> pods) {
			return new Placement((int) pods.stream().filter((pod) -> "Running".equals(pod.getStatus().getPhase())).count(),
					pods.stream().filter(Convergence::unschedulable).map(Convergence::id).toList());
		}

	}

}
