package dev.ballast.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An API token of one user. Only its SHA-256 hash is kept, with its first characters as a hint
 * to recognise it; a revoked token stays for the record.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

	/** Where a token stands at a given moment. */
	enum Status {

		ACTIVE, EXPIRED, REVOKED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "user_id", nullable = false)
	private long userId;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(name = "token_hash", nullable = false, length = 64)
	private String tokenHash;

	@Column(nullable = false, length = 20)
	private String hint;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at")
	private @Nullable Instant expiresAt;

	@Column(name = "last_used_at")
	private @Nullable Instant lastUsedAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	protected ApiToken() {
		this.name = "";
		this.tokenHash = "";
		this.hint = "";
		this.createdAt = Instant.EPOCH;
	}

	ApiToken(long userId, String name, String tokenHash, String hint, Instant createdAt,
			@Nullable Instant expiresAt) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.hint = hint;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public long getId() {
		if (this.id == null) {
			throw new IllegalStateException("Token " + this.name + " is not saved yet");
		}
		return this.id;
	}

	public long getUserId() {
		return this.userId;
	}

	public String getName() {
		return this.name;
	}

	public String getHint() {
		return this.hint;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getExpiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	public Status statusAt(Instant now) {
		if (this.revokedAt != null) {
			return Status.REVOKED;
		}
		return (this.expiresAt != null && !now.isBefore(this.expiresAt)) ? Status.EXPIRED : Status.ACTIVE;
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

}
