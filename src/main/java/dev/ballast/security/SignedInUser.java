package dev.ballast.security;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The principal of every authenticated request, whether by browser session or API token. It is
 * kept in the session (stored by Spring Session JDBC), hence serializable; a session ends when
 * an administrator changes the user's role, password or status.
 *
 * @param id the user's id
 * @param username the user's name, as shown and as recorded in the audit log
 * @param role the user's role when they signed in
 */
public record SignedInUser(long id, String username, Role role) implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return this.username;
	}

}
