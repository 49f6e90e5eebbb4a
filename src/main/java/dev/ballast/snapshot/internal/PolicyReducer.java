package dev.ballast.snapshot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.kubernetes.client.custom.ContainerMetrics;
import io.kubernetes.client.custom.NodeMetrics;
import io.kubernetes.client.custom.PodMetrics;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PriorityClass;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import io.kubernetes.client.openapi.models.V2MetricTarget;
import org.jspecify.annotations.Nullable;

import dev.ballast.snapshot.Autoscaler;
import dev.ballast.snapshot.ConfigMap;
import dev.ballast.snapshot.DisruptionBudget;
import dev.ballast.snapshot.NodeUsage;
import dev.ballast.snapshot.PodUsage;
import dev.ballast.snapshot.PriorityClass;
import dev.ballast.snapshot.ServiceAccount;
import dev.ballast.snapshot.WorkloadRef;

/**
 * Reduces disruption budgets, autoscalers, priority classes, service accounts, ConfigMaps and
 * metrics.
 */
public final class PolicyReducer {

	/** Namespaces where network plugins keep their configuration. */
	private static final Set<String> NETWORK_NAMESPACES = Set.of("kube-system", "kube-flannel", "calico-system",
			"tigera-operator");

	/** ConfigMaps whose data the CIDR page reads. */
	private static final Set<String> NETWORK_CONFIG_MAPS = Set.of("kube-proxy", "kubeadm-config", "calico-config",
			"canal-config", "kube-flannel-cfg", "cilium-config", "aws-node", "amazon-vpc-cni", "kube-router-cfg",
			"antrea-config", "weave-net");

	private final Interner interner;

	public PolicyReducer(Interner interner) {
		this.interner = interner;
	}

	/**
	 * Whether a ConfigMap's data is kept.
	 * @param namespace its namespace
	 * @param name its name
	 * @return {@code true} for the network ConfigMaps the CIDR page reads
	 */
	public static boolean keepsData(String namespace, String name) {
		return NETWORK_NAMESPACES.contains(namespace)
				&& (NETWORK_CONFIG_MAPS.contains(name) || (namespace.equals("kube-system") && name.startsWith("tke-")));
	}

	public DisruptionBudget disruptionBudget(V1PodDisruptionBudget budget) {
		V1ObjectMeta metadata = ServiceReducer.meta(budget.getMetadata());
		var spec = budget.getSpec();
		var status = budget.getStatus();
		return new DisruptionBudget(namespace(metadata), String.valueOf(metadata.getName()),
				(budget.getApiVersion() != null) ? budget.getApiVersion() : "policy/v1",
				(spec != null) ? WorkloadReducer.text(spec.getMinAvailable()) : null,
				(spec != null) ? WorkloadReducer.text(spec.getMaxUnavailable()) : null,
				(spec != null) ? spec.getSelector() : null, (status != null) ? status.getDisruptionsAllowed() : null,
				(status != null) ? status.getCurrentHealthy() : null, (status != null) ? status.getExpectedPods() : null);
	}

	public Autoscaler autoscaler(V2HorizontalPodAutoscaler autoscaler) {
		V1ObjectMeta metadata = ServiceReducer.meta(autoscaler.getMetadata());
		var spec = autoscaler.getSpec();
		var status = autoscaler.getStatus();
		var ref = (spec != null) ? spec.getScaleTargetRef() : null;
		List<String> metrics = new ArrayList<>();
		for (V2MetricSpec metric : ServiceReducer.list((spec != null) ? spec.getMetrics() : null)) {
			if (metric != null) {
				metrics.add(describe(metric));
			}
		}
		return new Autoscaler(namespace(metadata), String.valueOf(metadata.getName()),
				(autoscaler.getApiVersion() != null) ? autoscaler.getApiVersion() : "autoscaling/v2",
				(ref != null) ? target(ref.getKind(), ref.getName()) : null, (spec != null) ? spec.getMinReplicas() : null,
				(spec != null && spec.getMaxReplicas() != null) ? spec.getMaxReplicas() : 0, List.copyOf(metrics),
				(status != null) ? status.getCurrentReplicas() : null, (status != null) ? status.getDesiredReplicas() : null);
	}

	public Autoscaler autoscaler(V1HorizontalPodAutoscaler autoscaler) {
		V1ObjectMeta metadata = ServiceReducer.meta(autoscaler.getMetadata());
		var spec = autoscaler.getSpec();
		var status = autoscaler.getStatus();
		var ref = (spec != null) ? spec.getScaleTargetRef() : null;
		Integer cpu = (spec != null) ? spec.getTargetCPUUtilizationPercentage() : null;
		return new Autoscaler(namespace(metadata), String.valueOf(metadata.getName()),
				(autoscaler.getApiVersion() != null) ? autoscaler.getApiVersion() : "autoscaling/v1",
				(ref != null) ? target(ref.getKind(), ref.getName()) : null, (spec != null) ? spec.getMinReplicas() : null,
				(spec != null && spec.getMaxReplicas() != null) ? spec.getMaxReplicas() : 0,
				(cpu != null) ? List.of("Resource cpu Utilization " + cpu) : List.of(),
				(status != null) ? status.getCurrentReplicas() : null, (status != null) ? status.getDesiredReplicas() : null);
	}

	public PriorityClass priorityClass(V1PriorityClass priorityClass) {
		V1ObjectMeta metadata = ServiceReducer.meta(priorityClass.getMetadata());
		return new PriorityClass(String.valueOf(metadata.getName()),
				(priorityClass.getValue() != null) ? priorityClass.getValue() : 0,
				Boolean.TRUE.equals(priorityClass.getGlobalDefault()), priorityClass.getPreemptionPolicy(),
				priorityClass.getDescription());
	}

	public ServiceAccount serviceAccount(V1ServiceAccount account) {
		V1ObjectMeta metadata = ServiceReducer.meta(account.getMetadata());
		return new ServiceAccount(namespace(metadata), String.valueOf(metadata.getName()),
				account.getAutomountServiceAccountToken());
	}

	public ConfigMap configMap(V1ConfigMap configMap) {
		V1ObjectMeta metadata = ServiceReducer.meta(configMap.getMetadata());
		String namespace = namespace(metadata);
		String name = String.valueOf(metadata.getName());
		Set<String> keys = new TreeSet<>();
		if (configMap.getData() != null) {
			keys.addAll(configMap.getData().keySet());
		}
		if (configMap.getBinaryData() != null) {
			keys.addAll(configMap.getBinaryData().keySet());
		}
		Map<String, String> data = (keepsData(namespace, name) && configMap.getData() != null)
				? Map.copyOf(withoutNulls(configMap.getData())) : Map.of();
		return new ConfigMap(namespace, name, List.copyOf(keys), data);
	}

	public NodeUsage nodeUsage(NodeMetrics metrics) {
		Map<String, Quantity> usage = metrics.getUsage();
		return new NodeUsage(String.valueOf(ServiceReducer.meta(metrics.getMetadata()).getName()),
				Quantities.amount("cpu", (usage != null) ? usage.get("cpu") : null),
				Quantities.amount("memory", (usage != null) ? usage.get("memory") : null));
	}

	public PodUsage podUsage(PodMetrics metrics) {
		V1ObjectMeta metadata = ServiceReducer.meta(metrics.getMetadata());
		long cpu = 0;
		long memory = 0;
		for (ContainerMetrics container : ServiceReducer.list(metrics.getContainers())) {
			if (container != null && container.getUsage() != null) {
				cpu += Quantities.amount("cpu", container.getUsage().get("cpu"));
				memory += Quantities.amount("memory", container.getUsage().get("memory"));
			}
		}
		return new PodUsage(namespace(metadata), String.valueOf(metadata.getName()), cpu, memory);
	}

	private @Nullable WorkloadRef target(@Nullable String kind, @Nullable String name) {
		return (kind != null && name != null) ? this.interner.intern(new WorkloadRef(kind, name)) : null;
	}

	private static String describe(V2MetricSpec metric) {
		String type = String.valueOf(metric.getType());
		if (metric.getResource() != null) {
			return type + " " + metric.getResource().getName() + target(metric.getResource().getTarget());
		}
		if (metric.getContainerResource() != null) {
			var source = metric.getContainerResource();
			return type + " " + source.getName() + "/" + source.getContainer() + target(source.getTarget());
		}
		if (metric.getPods() != null && metric.getPods().getMetric() != null) {
			return type + " " + metric.getPods().getMetric().getName() + target(metric.getPods().getTarget());
		}
		if (metric.getObject() != null && metric.getObject().getMetric() != null) {
			return type + " " + metric.getObject().getMetric().getName() + target(metric.getObject().getTarget());
		}
		if (metric.getExternal() != null && metric.getExternal().getMetric() != null) {
			return type + " " + metric.getExternal().getMetric().getName() + target(metric.getExternal().getTarget());
		}
		return type;
	}

	private static String target(@Nullable V2MetricTarget target) {
		if (target == null) {
			return "";
		}
		if (target.getAverageUtilization() != null) {
			return " Utilization " + target.getAverageUtilization();
		}
		if (target.getAverageValue() != null) {
			return " AverageValue " + target.getAverageValue().toSuffixedString();
		}
		return (target.getValue() != null) ? " Value " + target.getValue().toSuffixedString() : "";
	}

	private static Map<String, String> withoutNulls(Map<String, String> data) {
		Map<String, String> copy = new java.util.HashMap<>();
		data.forEach((key, value) -> copy.put(key, (value != null) ? value : ""));
		return copy;
	}

	private String namespace(V1ObjectMeta metadata) {
		return this.interner.intern((metadata.getNamespace() != null) ? metadata.getNamespace() : "default");
	}

}
