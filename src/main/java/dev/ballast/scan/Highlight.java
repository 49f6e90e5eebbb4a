package dev.ballast.scan;

import java.util.List;

/**
 * One line an analysis wants read outside its page, in the e-mail report: a message with its
 * arguments and the page that explains it.
 *
 * @param section {@code capacity} (node sizing, CIDR) or {@code isolation} (taints, reachability,
 * RBAC)
 * @param severity {@code danger}, {@code warning} or {@code info}
 * @param code the message code
 * @param arguments its arguments: strings and numbers
 * @param path the page, relative to Ballast's base URL, e.g. {@code /clusters/prod/cidr}
 */
public record Highlight(String section, String severity, String code, List<Object> arguments, String path) {

	/** Capacity: node sizing and CIDR. */
	public static final String CAPACITY = "capacity";

	/** Isolation: taints, reachability and RBAC. */
	public static final String ISOLATION = "isolation";

	public Highlight {
		arguments = List.copyOf(arguments);
	}

	/**
	 * The message arguments as an array, for templates.
	 * @return the arguments
	 */
	public Object[] args() {
		return this.arguments.toArray();
	}

}
