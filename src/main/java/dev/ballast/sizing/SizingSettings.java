package dev.ballast.sizing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;

/**
 * Node sizing settings ({@code ballast.sizing.*}).
 *
 * @param poolLabels the node labels that name a node's pool, the first a node carries wins:
 * Ballast's own {@code ballast.dev/pool}, then GKE, EKS, AKS (two spellings), TKE, Karpenter, and
 * the instance type as a last resort
 */
@ConfigurationProperties("ballast.sizing")
@Validated
public record SizingSettings(@DefaultValue({ "ballast.dev/pool", "cloud.google.com/gke-nodepool",
		"eks.amazonaws.com/nodegroup", "kubernetes.azure.com/agentpool", "agentpool",
		"tke.cloud.tencent.com/nodepool-id", "karpenter.sh/nodepool",
		"node.kubernetes.io/instance-type" }) @NotEmpty List<String> poolLabels) {

	/** The default pool labels, for analyses run without Spring. */
	public static final List<String> DEFAULT_POOL_LABELS = List.of("ballast.dev/pool", "cloud.google.com/gke-nodepool",
			"eks.amazonaws.com/nodegroup", "kubernetes.azure.com/agentpool", "agentpool",
			"tke.cloud.tencent.com/nodepool-id", "karpenter.sh/nodepool", "node.kubernetes.io/instance-type");

}
