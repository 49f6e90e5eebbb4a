package dev.ballast.network;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The pods an AWS instance can address with the VPC CNI: {@code ENIs × (IPv4 addresses per ENI − 1) + 2}
 * (each ENI's primary address is not handed to pods; two host-network pods, aws-node and
 * kube-proxy, need none). Source: the formula and limits of AWS's {@code eni-max-pods.txt}
 * (amazon-eks-ami) and the EKS user guide, "Amazon EC2 instance types and maximum pods".
 */
public final class EniLimits {

	/**
	 * The extended resource TKE VPC-CNI nodes advertise: the VPC addresses their ENIs can give
	 * pods in shared-ENI mode.
	 */
	public static final String TKE_ENI_IP = "tke.cloud.tencent.com/eni-ip";

	/** ENIs and IPv4 addresses per ENI of common instance types. */
	private static final Map<String, int[]> LIMITS = Map.ofEntries(Map.entry("t3.small", new int[] { 3, 4 }),
			Map.entry("t3.medium", new int[] { 3, 6 }), Map.entry("t3.large", new int[] { 3, 12 }),
			Map.entry("t3.xlarge", new int[] { 4, 15 }), Map.entry("m5.large", new int[] { 3, 10 }),
			Map.entry("m5.xlarge", new int[] { 4, 15 }), Map.entry("m5.2xlarge", new int[] { 4, 15 }),
			Map.entry("m5.4xlarge", new int[] { 8, 30 }), Map.entry("c5.large", new int[] { 3, 10 }),
			Map.entry("c5.xlarge", new int[] { 4, 15 }), Map.entry("c5.2xlarge", new int[] { 4, 15 }),
			Map.entry("r5.large", new int[] { 3, 10 }), Map.entry("r5.xlarge", new int[] { 4, 15 }),
			Map.entry("m6i.large", new int[] { 3, 10 }), Map.entry("m6i.xlarge", new int[] { 4, 15 }));

	private EniLimits() {
	}

	/**
	 * The EKS max-pods formula.
	 * @param enis network interfaces the instance can attach
	 * @param ipv4PerEni IPv4 addresses per interface
	 * @return {@code enis × (ipv4PerEni − 1) + 2}
	 */
	public static int maxPods(int enis, int ipv4PerEni) {
		return enis * (ipv4PerEni - 1) + 2;
	}

	/**
	 * The max pods of a known AWS instance type.
	 * @param instanceType e.g. {@code m5.large}
	 * @return the limit, or {@code null} for a type not in the table
	 */
	public static @Nullable Integer maxPods(@Nullable String instanceType) {
		int[] limit = (instanceType != null) ? LIMITS.get(instanceType) : null;
		return (limit != null) ? maxPods(limit[0], limit[1]) : null;
	}

}
