package dev.ballast.checks;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a check is about; the catalogue page groups checks by category.
 */
public enum Category {

	/** Staying up through node failures, rollouts and load. */
	RELIABILITY,
	/** Requests, limits and memory sizing. */
	RESOURCES,
	/** Privileges, host access, secrets and RBAC. */
	SECURITY,
	/** Where pods can and do run: taints, affinity, special nodes. */
	SCHEDULING,
	/** NetworkPolicies, Services, Ingresses and DNS. */
	NETWORKING,
	/** Configuration, labels, namespaces, backups and monitoring. */
	OPERATIONS;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static @Nullable Category parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		for (Category category : values()) {
			if (category.key().equalsIgnoreCase(text.trim())) {
				return category;
			}
		}
		return null;
	}

}
