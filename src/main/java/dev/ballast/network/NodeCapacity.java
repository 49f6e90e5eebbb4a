package dev.ballast.network;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.ballast.network.NetworkReport.Mode;
import dev.ballast.network.NetworkReport.NodeRow;

/**
 * The pod addresses of one node.
 *
 * @param name the node
 * @param instanceType its instance type, if labelled
 * @param blocks its pod CIDR blocks
 * @param used pod IPs in use
 * @param limit the pods it can address: the smaller of what its block can address
 * ({@link NetworkCapacity#podsPerBlock}) and its pod limit (allocatable {@code pods} or the
 * override) in node-block mode; the smaller of the pod limit and the ENI limit in VPC-native
 * mode; {@code 0} for a node-block node without a block
 * @param limitBy what sets the limit
 * @param free {@code limit − used}, never below 0
 */
public record NodeCapacity(String name, @Nullable String instanceType, List<String> blocks, long used, long limit,
		LimitBy limitBy, long free) {

	/** What bounds a node's pods. */
	public enum LimitBy {

		/** The addresses of its pod CIDR block. */
		BLOCK,

		/** Its pod limit (kubelet {@code maxPods}, or the override). */
		MAX_PODS,

		/** The ENI × IP limit of its instance type. */
		ENI,

		/** It has no block: it cannot run pods that need an IP. */
		NO_BLOCK,

		/** Nothing known. */
		UNKNOWN

	}

	static List<NodeCapacity> of(Mode mode, List<NodeRow> nodes, @Nullable Integer maxPodsOverride) {
		List<NodeCapacity> rows = new ArrayList<>(nodes.size());
		for (NodeRow node : nodes) {
			long maxPods = (maxPodsOverride != null) ? maxPodsOverride : node.maxPods();
			long limit;
			LimitBy by;
			if (mode == Mode.NODE_BLOCKS && node.blocks().isEmpty()) {
				limit = 0;
				by = LimitBy.NO_BLOCK;
			}
			else if (mode == Mode.NODE_BLOCKS) {
				long perBlock = Long.MAX_VALUE;
				for (String text : node.blocks()) {
					Cidr block = Cidr.parseOrNull(text);
					if (block != null) {
						perBlock = Math.min(perBlock, NetworkCapacity.podsPerBlock(block.prefix(), block.v6()));
					}
				}
				boolean byBlock = maxPods <= 0 || perBlock < maxPods;
				limit = byBlock ? perBlock : maxPods;
				by = byBlock ? LimitBy.BLOCK : LimitBy.MAX_PODS;
			}
			else if (mode == Mode.VPC_NATIVE && node.eniMaxPods() != null
					&& (maxPods <= 0 || node.eniMaxPods() < maxPods)) {
				limit = node.eniMaxPods();
				by = LimitBy.ENI;
			}
			else {
				limit = Math.max(0, maxPods);
				by = (maxPods > 0) ? LimitBy.MAX_PODS : LimitBy.UNKNOWN;
			}
			rows.add(new NodeCapacity(node.name(), node.instanceType(), node.blocks(), node.podIps(), limit, by,
					Math.max(0, limit - node.podIps())));
		}
		return rows;
	}

}
