package dev.ballast.cluster;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A cluster Ballast watches. Its name is a DNS label, stable, and used in URLs.
 */
@Entity
@Table(name = "cluster")
public class Cluster {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true, length = 63)
	private String name;

	@Column(name = "display_name", nullable = false, length = 200)
	private String displayName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ClusterSource source;

	@Column(name = "manifest_location", length = 500)
	private @Nullable String manifestLocation;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "server_url", length = 500)
	private @Nullable String serverUrl;

	/** The encrypted credential; never leaves this module in clear, never shown again. */
	@Column(name = "credential")
	private byte @Nullable [] credential;

	/** What the user may see of the credential instead: kind, context, user name. */
	@Column(name = "credential_summary", length = 300)
	private @Nullable String credentialSummary;

	@Column(name = "write_override_by", length = 100)
	private @Nullable String writeOverrideBy;

	@Column(name = "write_override_reason", length = 500)
	private @Nullable String writeOverrideReason;

	@Column(name = "write_override_at")
	private @Nullable Instant writeOverrideAt;

	@Embedded
	private @Nullable LastCheck lastCheck;

	protected Cluster() {
		this.name = "";
		this.displayName = "";
		this.source = ClusterSource.DEMO;
		this.createdAt = Instant.EPOCH;
		this.createdBy = "";
	}

	Cluster(String name, String displayName, ClusterSource source, @Nullable String manifestLocation,
			Instant createdAt, String createdBy) {
		this.name = name;
		this.displayName = displayName;
		this.source = source;
		this.manifestLocation = manifestLocation;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	static Cluster connected(String name, String displayName, ClusterSource source, String serverUrl,
			byte[] credential, String credentialSummary, Instant createdAt, String createdBy) {
		Cluster cluster = new Cluster(name, displayName, source, null, createdAt, createdBy);
		cluster.serverUrl = serverUrl;
		cluster.credential = credential.clone();
		cluster.credentialSummary = credentialSummary;
		return cluster;
	}

	void recordCheck(LastCheck check) {
		this.lastCheck = check;
	}

	void overrideReadOnlyRule(String by, String reason, Instant at) {
		this.writeOverrideBy = by;
		this.writeOverrideReason = reason;
		this.writeOverrideAt = at;
	}

	void replaceCredential(String serverUrl, byte[] credential, String credentialSummary) {
		this.serverUrl = serverUrl;
		this.credential = credential.clone();
		this.credentialSummary = credentialSummary;
		this.writeOverrideBy = null;
		this.writeOverrideReason = null;
		this.writeOverrideAt = null;
	}

	byte @Nullable [] credential() {
		return (this.credential == null) ? null : this.credential.clone();
	}

	public boolean isLive() {
		return this.source == ClusterSource.KUBECONFIG || this.source == ClusterSource.TOKEN
				|| this.source == ClusterSource.IN_CLUSTER;
	}

	/** True when an administrator accepted a credential that can do more than read. */
	public boolean isWriteCapableOverride() {
		return this.writeOverrideBy != null;
	}

	public @Nullable String getServerUrl() {
		return this.serverUrl;
	}

	public @Nullable String getCredentialSummary() {
		return this.credentialSummary;
	}

	public @Nullable String getWriteOverrideBy() {
		return this.writeOverrideBy;
	}

	public @Nullable String getWriteOverrideReason() {
		return this.writeOverrideReason;
	}

	public @Nullable Instant getWriteOverrideAt() {
		return this.writeOverrideAt;
	}

	public @Nullable LastCheck getLastCheck() {
		return this.lastCheck;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public ClusterSource getSource() {
		return this.source;
	}

	public @Nullable String getManifestLocation() {
		return this.manifestLocation;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

}
