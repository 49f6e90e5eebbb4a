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
 * One entry of the audit log: who did what to whom, when and from which address.
 */
@Entity
@Table(name = "audit_event")
class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(nullable = false, length = 100)
	private String actor;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 40)
	private AuditAction action;

	@Column(length = 200)
	private @Nullable String target;

	@Column(length = 200)
	private @Nullable String detail;

	@Column(name = "client_address", length = 64)
	private @Nullable String clientAddress;

	protected AuditEvent() {
		this.occurredAt = Instant.EPOCH;
		this.actor = "";
		this.action = AuditAction.LOGIN_SUCCEEDED;
	}

	AuditEvent(Instant occurredAt, String actor, AuditAction action, @Nullable String target, @Nullable String detail,
			@Nullable String clientAddress) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = action;
		this.target = target;
		this.detail = detail;
		this.clientAddress = clientAddress;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public AuditAction getAction() {
		return this.action;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public @Nullable String getDetail() {
		return this.detail;
	}

	public @Nullable String getClientAddress() {
		return this.clientAddress;
	}

}
