package dev.ballast.sizing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a managed Kubernetes provider keeps back from each node for the kubelet, the runtime and
 * the operating system (kube-reserved + system-reserved) plus the kubelet's hard eviction
 * threshold for memory, as its documentation publishes it. {@code allocatable = capacity -
 * reserved - eviction threshold}. Each model cites its source in {@link #source()}.
 */
public enum ReserveModel {

	/**
	 * GKE: CPU 6% of the first core, 1% of the next, 0.5% of the next 2, 0.25% above 4; memory
	 * 255 MiB below 1 GiB, else 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6%
	 * of the next 112, 2% above 128 GiB; eviction threshold 100 MiB.
	 */
	GKE("https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes") {
		@Override
		long reservedMemoryBytes(long memoryBytes, int maxPods) {
			if (memoryBytes < GIB) {
				return 255 * MIB + EVICTION;
			}
			return tiered(memoryBytes, MEMORY_BOUNDS, MEMORY_RATES) + EVICTION;
		}
	},

	/**
	 * EKS (the EKS-optimised AMI's bootstrap): CPU as GKE; memory 255 MiB + 11 MiB per pod the
	 * node may run (its max pods); eviction threshold 100 MiB.
	 */
	EKS("https://github.com/awslabs/amazon-eks-ami (files/bootstrap.sh: get_memory_mebibytes_to_reserve, get_cpu_millicores_to_reserve)") {
		@Override
		long reservedMemoryBytes(long memoryBytes, int maxPods) {
			return 255 * MIB + 11 * MIB * maxPods + EVICTION;
		}
	},

	/**
	 * AKS 1.29 and later: CPU from the published table (60, 100, 140, 180, 260, 420, 740
	 * millicores for 1, 2, 4, 8, 16, 32, 64 cores; linear between the points, 10 m per core
	 * above 64); memory the smaller of 20 MiB per max pod + 50 MiB and 25% of the machine;
	 * eviction threshold 100 MiB.
	 */
	AKS("https://learn.microsoft.com/azure/aks/node-resource-reservations") {
		@Override
		long reservedCpuMillis(long cpuMillis) {
			return interpolate(cpuMillis);
		}

		@Override
		long reservedMemoryBytes(long memoryBytes, int maxPods) {
			return Math.min(20 * MIB * maxPods + 50 * MIB, memoryBytes / 4) + EVICTION;
		}
	},

	/**
	 * TKE: CPU 0.1 core for the first 4 cores, 2.5% of cores 4-64, 1.25% of 64-128, 0.5% above;
	 * memory as GKE's tiers (25%, 20%, 10%, 6%, 2%). The cited page writes "Allocatable =
	 * Capacity - Reserved - Eviction Threshold" without the threshold's value: Ballast adds the
	 * kubelet's default of 100 MiB.
	 */
	TKE("https://www.tencentcloud.com/document/product/457/48777") {
		@Override
		long reservedCpuMillis(long cpuMillis) {
			return Math.min(cpuMillis, 100) + tiered(Math.max(0, cpuMillis - 4000), TKE_CPU_BOUNDS, TKE_CPU_RATES);
		}

		@Override
		long reservedMemoryBytes(long memoryBytes, int maxPods) {
			return tiered(memoryBytes, MEMORY_BOUNDS, MEMORY_RATES) + EVICTION;
		}
	};

	static final long MIB = 1024L * 1024;

	static final long GIB = 1024 * MIB;

	/** The kubelet's hard eviction threshold {@code memory.available<100Mi}. */
	static final long EVICTION = 100 * MIB;

	private static final long[] CPU_BOUNDS = { 1000, 2000, 4000, Long.MAX_VALUE };

	private static final double[] CPU_RATES = { 0.06, 0.01, 0.005, 0.0025 };

	private static final long[] MEMORY_BOUNDS = { 4 * GIB, 8 * GIB, 16 * GIB, 128 * GIB, Long.MAX_VALUE };

	private static final double[] MEMORY_RATES = { 0.25, 0.20, 0.10, 0.06, 0.02 };

	/** TKE's tiers above the first 4 cores, counted from core 4. */
	private static final long[] TKE_CPU_BOUNDS = { 60_000, 124_000, Long.MAX_VALUE };

	private static final double[] TKE_CPU_RATES = { 0.025, 0.0125, 0.005 };

	private static final long[][] AKS_CPU = { { 1000, 60 }, { 2000, 100 }, { 4000, 140 }, { 8000, 180 },
			{ 16000, 260 }, { 32000, 420 }, { 64000, 740 } };

	private static final Map<String, ReserveModel> PROVIDER_PREFIXES = Map.of("gce://", GKE, "aws://", EKS, "azure://",
			AKS, "qcloud://", TKE);

	private final String source;

	ReserveModel(String source) {
		this.source = source;
	}

	/**
	 * The published page the model follows.
	 * @return its address
	 */
	public String source() {
		return this.source;
	}

	/**
	 * CPU kept back from a node of this many millicores.
	 * @param cpuMillis the machine's CPU
	 * @return reserved millicores
	 */
	long reservedCpuMillis(long cpuMillis) {
		return tiered(cpuMillis, CPU_BOUNDS, CPU_RATES);
	}

	/**
	 * Memory kept back from a node, eviction threshold included.
	 * @param memoryBytes the machine's memory
	 * @param maxPods the pods the node may run (EKS and AKS reserve per pod)
	 * @return reserved bytes
	 */
	abstract long reservedMemoryBytes(long memoryBytes, int maxPods);

	/**
	 * What the model predicts a node of a shape keeps back.
	 * @param cpuMillis capacity CPU
	 * @param memoryBytes capacity memory
	 * @param maxPods max pods
	 * @return reserved CPU and memory (eviction threshold included)
	 */
	public Reserve reserve(long cpuMillis, long memoryBytes, int maxPods) {
		return new Reserve(Math.min(cpuMillis, reservedCpuMillis(cpuMillis)),
				Math.min(memoryBytes, reservedMemoryBytes(memoryBytes, maxPods)));
	}

	/**
	 * What a model predicts a node keeps back.
	 *
	 * @param cpuMillis reserved millicores
	 * @param memoryBytes reserved bytes, eviction threshold included
	 */
	public record Reserve(long cpuMillis, long memoryBytes) {
	}

	/**
	 * The provider of a node, from its {@code spec.providerID} prefix ({@code gce://},
	 * {@code aws://}, {@code azure://}, {@code qcloud://}) or, without one, its provider labels.
	 * @param providerId the provider id, if any
	 * @param labels the node's labels
	 * @return the model, or {@code null} when the provider is unknown
	 */
	public static @Nullable ReserveModel detect(@Nullable String providerId, Map<String, String> labels) {
		if (providerId != null) {
			for (Map.Entry<String, ReserveModel> prefix : PROVIDER_PREFIXES.entrySet()) {
				if (providerId.startsWith(prefix.getKey())) {
					return prefix.getValue();
				}
			}
		}
		if (labels.containsKey("cloud.google.com/gke-nodepool")) {
			return GKE;
		}
		if (labels.containsKey("eks.amazonaws.com/nodegroup")) {
			return EKS;
		}
		if (labels.containsKey("kubernetes.azure.com/agentpool")) {
			return AKS;
		}
		if (labels.containsKey("tke.cloud.tencent.com/nodepool-id")) {
			return TKE;
		}
		return null;
	}

	/** Sum of {@code rate[i]} times the part of {@code amount} between {@code bound[i-1]} and {@code bound[i]}. */
	static long tiered(long amount, long[] bounds, double[] rates) {
		double reserved = 0;
		long lower = 0;
		for (int i = 0; i < bounds.length && amount > lower; i++) {
			reserved += rates[i] * (Math.min(amount, bounds[i]) - lower);
			lower = bounds[i];
		}
		return Math.round(reserved);
	}

	private static long interpolate(long cpuMillis) {
		if (cpuMillis <= AKS_CPU[0][0]) {
			return AKS_CPU[0][1] * cpuMillis / AKS_CPU[0][0];
		}
		for (int i = 1; i < AKS_CPU.length; i++) {
			long[] low = AKS_CPU[i - 1];
			long[] high = AKS_CPU[i];
			if (cpuMillis <= high[0]) {
				return low[1] + (high[1] - low[1]) * (cpuMillis - low[0]) / (high[0] - low[0]);
			}
		}
		long[] last = AKS_CPU[AKS_CPU.length - 1];
		return last[1] + (cpuMillis - last[0]) / 100;
	}

}
