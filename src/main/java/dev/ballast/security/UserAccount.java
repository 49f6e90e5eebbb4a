package dev.ballast.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Someone who signs in to Ballast. The password is kept only as a hash.
 */
@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, length = 100)
	private String username;

	@Column(name = "password_hash", nullable = false, length = 200)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Role role;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "password_changed_at", nullable = false)
	private Instant passwordChangedAt;

	protected UserAccount() {
		this.username = "";
		this.passwordHash = "";
		this.role = Role.VIEWER;
		this.createdAt = Instant.EPOCH;
		this.createdBy = "";
		this.passwordChangedAt = Instant.EPOCH;
	}

	UserAccount(String username, String passwordHash, Role role, String createdBy, Instant now) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = true;
		this.createdAt = now;
		this.createdBy = createdBy;
		this.passwordChangedAt = now;
	}

	public long getId() {
		if (this.id == null) {
			throw new IllegalStateException("User " + this.username + " is not saved yet");
		}
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public Role getRole() {
		return this.role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	void changeRole(Role role) {
		this.role = role;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
	}

	SignedInUser toSignedInUser() {
		return new SignedInUser(getId(), this.username, this.role);
	}

}
