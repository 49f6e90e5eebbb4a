package dev.ballast.security;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * Who am I, the users (for administrators), and one's own API tokens, for scripts.
 */
@RestController
@RequestMapping("/api/v1")
class SecurityApiController {

	/**
	 * @param authenticatedBy {@code token} or {@code session}
	 * @param tokenName the token's name when authenticated by a token
	 */
	record Me(String username, Role role, String authenticatedBy, @Nullable String tokenName) {
	}

	record User(long id, String username, Role role, boolean enabled, Instant createdAt) {
	}

	record Token(long id, String name, String hint, ApiToken.Status status, Instant createdAt,
			@Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {

		static Token of(ApiToken token, Instant now) {
			return new Token(token.getId(), token.getName(), token.getHint(), token.statusAt(now),
					token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt());
		}

	}

	/** A token just created: the only answer that contains its value. */
	record CreatedToken(long id, String name, String token, @Nullable Instant expiresAt) {
	}

	private final UserAccounts users;

	private final ApiTokens tokens;

	SecurityApiController(UserAccounts users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/me")
	Me me(Authentication authentication, @AuthenticationPrincipal SignedInUser me) {
		if (authentication instanceof ApiTokenAuthentication token) {
			return new Me(me.username(), me.role(), "token", token.tokenName());
		}
		return new Me(me.username(), me.role(), "session", null);
	}

	@GetMapping("/users")
	List<User> users() {
		return this.users.all()
			.stream()
			.map((user) -> new User(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(),
					user.getCreatedAt()))
			.toList();
	}

	@GetMapping("/tokens")
	List<Token> tokens(@AuthenticationPrincipal SignedInUser me) {
		Instant now = Instant.now();
		return this.tokens.of(me).stream().map((token) -> Token.of(token, now)).toList();
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedToken create(@Valid @RequestBody NewToken request, @AuthenticationPrincipal SignedInUser me,
			HttpServletRequest http) {
		ApiTokens.Created created = this.tokens.create(me, request, Actor.of(me, http));
		return new CreatedToken(created.token().getId(), created.token().getName(), created.value(),
				created.token().getExpiresAt());
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
		this.tokens.revoke(me, id, Actor.of(me, http));
	}

}
