package dev.ballast.security;

/**
 * What a user may do. Each role includes the ones before it: an {@code ADMIN} may do everything
 * an {@code OPERATOR} may, who may do everything a {@code VIEWER} may.
 */
public enum Role {

	/** Reads every page and every GET of the API. */
	VIEWER,

	/** Also triggers scans and manages exemptions. */
	OPERATOR,

	/** Also manages clusters, users, reports, and reads the audit log. */
	ADMIN;

	/** The role hierarchy in Spring Security's notation. */
	static final String HIERARCHY = """
			ROLE_ADMIN > ROLE_OPERATOR
			ROLE_OPERATOR > ROLE_VIEWER
			""";

	/**
	 * The Spring Security authority of this role, such as {@code ROLE_VIEWER}.
	 * @return the authority
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
