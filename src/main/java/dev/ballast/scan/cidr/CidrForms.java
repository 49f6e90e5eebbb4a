package dev.ballast.scan.cidr;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

import dev.ballast.network.Cidr;
import dev.ballast.network.CidrPlan;
import dev.ballast.network.NetworkOverrides;
import dev.ballast.network.NetworkReport.Mode;

/**
 * The two forms of the CIDR page, bound as text so a typo is a field error, not a type error.
 */
final class CidrForms {

	/** The largest node count the planner accepts. */
	static final int MAX_NODES = 100_000;

	private CidrForms() {
	}

	/**
	 * The planner (a GET form: bookmarkable).
	 *
	 * @param nodes target nodes
	 * @param podsPerNode pods per node
	 * @param headroom growth room in percent, blank for 100
	 * @param services service IPs carved from the same CIDR (GlobalRouter), blank for none
	 */
	record PlanForm(@Nullable String nodes, @Nullable String podsPerNode, @Nullable String headroom,
			@Nullable String services) {

		boolean submitted() {
			return this.nodes != null || this.podsPerNode != null;
		}

		/**
		 * The plan, or {@code null} with field errors when the form is not valid.
		 * @param errors receives field errors
		 * @param current the cluster's pod range, if known
		 * @return the plan or {@code null}
		 */
		@Nullable CidrPlan plan(Errors errors, @Nullable Cidr current) {
			Integer n = number(errors, "nodes", this.nodes, 1, MAX_NODES, null);
			Integer pods = number(errors, "podsPerNode", this.podsPerNode, 1, NetworkOverrides.MAX_PODS_LIMIT, null);
			Integer room = number(errors, "headroom", this.headroom, 0, 1000, 100);
			Integer carved = number(errors, "services", this.services, 0, 1 << 20, 0);
			if (errors.hasErrors() || n == null || pods == null || room == null || carved == null) {
				return null;
			}
			return CidrPlan.of(n, pods, room, carved, current);
		}

	}

	/**
	 * The overrides (ADMIN).
	 *
	 * @param podCidrs pod CIDRs, comma-separated for dual-stack
	 * @param serviceCidrs service CIDRs
	 * @param nodeMask node mask
	 * @param maxPods pods per node
	 * @param mode network mode, blank for the discovered one
	 */
	record OverridesForm(@Nullable String podCidrs, @Nullable String serviceCidrs, @Nullable String nodeMask,
			@Nullable String maxPods, @Nullable String mode) {

		static OverridesForm of(NetworkOverrides overrides) {
			return new OverridesForm(overrides.podCidrs(), overrides.serviceCidrs(), text(overrides.nodeMask()),
					text(overrides.maxPods()), (overrides.mode() != null) ? overrides.mode().name() : null);
		}

		/**
		 * The overrides, or {@code null} with field errors.
		 * @param errors receives field errors
		 * @return the overrides or {@code null}
		 */
		@Nullable NetworkOverrides overrides(Errors errors) {
			Integer mask = number(errors, "nodeMask", this.nodeMask, 0, 128, null);
			Integer pods = number(errors, "maxPods", this.maxPods, 1, NetworkOverrides.MAX_PODS_LIMIT, null);
			Mode chosen = null;
			if (blank(this.mode) != null) {
				try {
					chosen = Mode.valueOf(this.mode.strip());
				}
				catch (IllegalArgumentException ex) {
					errors.rejectValue("mode", "network.overrides.error.mode", null, null);
				}
			}
			NetworkOverrides overrides = new NetworkOverrides(blank(this.podCidrs), blank(this.serviceCidrs), mask, pods,
					chosen);
			for (NetworkOverrides.Problem problem : overrides.problems()) {
				if (!errors.hasFieldErrors(problem.field())) {
					errors.rejectValue(problem.field(), "network.overrides.error." + problem.code(),
							new Object[] { problem.detail() }, null);
				}
			}
			return errors.hasErrors() ? null : overrides;
		}

	}

	static @Nullable Integer number(Errors errors, String field, @Nullable String text, int min, int max,
			@Nullable Integer fallback) {
		String value = blank(text);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.rejectValue(field, "network.form.error.number", new Object[] { min, max }, null);
		return null;
	}

	static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static @Nullable String text(@Nullable Integer value) {
		return (value != null) ? value.toString() : null;
	}

}
