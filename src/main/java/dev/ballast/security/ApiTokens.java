package dev.ballast.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: {@code blst_} followed by 256 random bits (base64url), so a leaked token is easy
 * to recognise in a log or a secret scanner. Only the SHA-256 of the whole token is stored; a
 * hash of such a random value needs no salt or slow hashing.
 */
@Service
class ApiTokens {

	static final String PREFIX = "blst_";

	/** How often a token's "last used" time is written at most. */
	static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private static final int RANDOM_BYTES = 32;

	private static final int HINT_LENGTH = PREFIX.length() + 4;

	private static final int MAX_TOKEN_LENGTH = 200;

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserAccountRepository users;

	private final AuditLog audit;

	ApiTokens(ApiTokenRepository tokens, UserAccountRepository users, AuditLog audit) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
	}

	/**
	 * A token just created: the only moment its value is known.
	 *
	 * @param token the stored token
	 * @param value the token itself, to show once
	 */
	record Created(ApiToken token, String value) {
	}

	@Transactional
	Created create(SignedInUser owner, NewToken request, Actor by) {
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		Instant expiresAt = (request.expiresInDays() != null) ? now.plus(Duration.ofDays(request.expiresInDays()))
				: null;
		ApiToken token = this.tokens.save(new ApiToken(owner.id(), request.name().strip(), hash(value),
				value.substring(0, HINT_LENGTH), now, expiresAt));
		this.audit.record(AuditAction.TOKEN_CREATED, by, token.getName(), detail(token));
		return new Created(token, value);
	}

	@Transactional(readOnly = true)
	List<ApiToken> of(SignedInUser owner) {
		return this.tokens.findByUserIdOrderByCreatedAtDesc(owner.id());
	}

	/**
	 * Revokes one of the owner's tokens; revoking a revoked token changes nothing.
	 * @throws TokenNotFoundException if the owner has no such token, including another user's
	 */
	@Transactional
	void revoke(SignedInUser owner, long tokenId, Actor by) {
		ApiToken token = this.tokens.findByIdAndUserId(tokenId, owner.id())
			.orElseThrow(() -> new TokenNotFoundException(tokenId));
		if (token.getRevokedAt() == null) {
			token.revoke(Instant.now());
			this.audit.record(AuditAction.TOKEN_REVOKED, by, token.getName(), detail(token));
		}
	}

	/**
	 * The authentication a token value stands for, if it is known, neither revoked nor expired,
	 * and its user is enabled. Records the use.
	 */
	@Transactional
	Optional<ApiTokenAuthentication> authenticate(String value) {
		if (!value.startsWith(PREFIX) || value.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		return this.tokens.findByTokenHash(hash(value))
			.filter((token) -> token.statusAt(now) == ApiToken.Status.ACTIVE)
			.flatMap((token) -> this.users.findById(token.getUserId())
				.filter(UserAccount::isEnabled)
				.map((user) -> {
					this.tokens.recordUse(token.getId(), now, now.minus(LAST_USED_PRECISION));
					return new ApiTokenAuthentication(user.toSignedInUser(), token.getId(), token.getName());
				}));
	}

	static String hash(String value) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static String detail(ApiToken token) {
		return "#" + token.getId() + " " + token.getHint() + "…";
	}

}
