package dev.ballast.cluster;

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
