package dev.ballast.sizing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.ballast.sizing.SizingReport.PodGroup;
import dev.ballast.sizing.SizingReport.Requirement;
import dev.ballast.snapshot.Taint;

/**
 * Whether a pod may run on a node with given labels and taints, by the scheduler's filters that
 * depend on the node alone: node selector, required node affinity, and taints with effect
 * {@code NoSchedule} or {@code NoExecute}.
 */
final class Eligibility {

	private Eligibility() {
	}

	static boolean fits(PodGroup group, Map<String, String> labels, List<Taint> taints) {
		for (Map.Entry<String, String> selector : group.nodeSelector().entrySet()) {
			if (!selector.getValue().equals(labels.get(selector.getKey()))) {
				return false;
			}
		}
		if (!group.affinity().isEmpty() && group.affinity().stream().noneMatch((term) -> matches(term, labels))) {
			return false;
		}
		for (Taint taint : taints) {
			if ("PreferNoSchedule".equals(taint.effect())) {
				continue;
			}
			if (group.tolerations().stream().noneMatch((toleration) -> toleration.tolerates(taint))) {
				return false;
			}
		}
		return true;
	}

	private static boolean matches(List<Requirement> term, Map<String, String> labels) {
		for (Requirement requirement : term) {
			String value = labels.get(requirement.key());
			boolean ok = switch (requirement.operator()) {
				case "In" -> value != null && requirement.values().contains(value);
				case "NotIn" -> value == null || !requirement.values().contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				case "Gt" -> compare(value, requirement.values()) > 0;
				case "Lt" -> compare(value, requirement.values()) < 0;
				default -> false;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static int compare(@Nullable String value, List<String> values) {
		if (value == null || values.size() != 1) {
			return 0;
		}
		try {
			return Long.compare(Long.parseLong(value), Long.parseLong(values.get(0)));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
