package dev.ballast.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API token: it acts as the token's user, with the user's current
 * role. Never stored in a session.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final SignedInUser user;

	private final long tokenId;

	private final String tokenName;

	ApiTokenAuthentication(SignedInUser user, long tokenId, String tokenName) {
		super(List.of(new SimpleGrantedAuthority(user.role().authority())));
		this.user = user;
		this.tokenId = tokenId;
		this.tokenName = tokenName;
		setAuthenticated(true);
	}

	@Override
	public SignedInUser getPrincipal() {
		return this.user;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	long tokenId() {
		return this.tokenId;
	}

	String tokenName() {
		return this.tokenName;
	}

}
