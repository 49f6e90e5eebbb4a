package dev.ballast.report;

import java.util.Optional;

/**
 * Finds a stored subscription, for the pages that show or send its report.
 */
public interface SubscriptionLookup {

	/**
	 * The subscription of an id.
	 * @param id its id
	 * @return it, or empty when there is none
	 */
	Optional<Subscription> find(long id);

}
