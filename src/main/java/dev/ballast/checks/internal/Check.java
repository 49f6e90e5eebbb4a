package dev.ballast.checks.internal;

import dev.ballast.checks.CheckDefinition;

/**
 * A check: its definition and the rule that decides.
 *
 * @param definition id, category, severity, target, docs
 * @param rule the rule
 */
public record Check(CheckDefinition definition, Rule rule) {

	/** How a check looks at a snapshot. */
	@FunctionalInterface
	public interface Rule {

		/**
		 * Looks at every subject of its target and reports.
		 * @param index the snapshot with its lookups
		 * @param sink where to report
		 */
		void run(Index index, Sink sink);

	}

}
