package dev.ballast.cluster;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Clusters over the API: list and read (VIEWER); register, test and remove (ADMIN). Credentials
 * go in, never out.
 */
@RestController
@RequestMapping("/api/v1/clusters")
class ClusterApiController {

	private final Clusters clusters;

	private final ClusterRegistry registry;

	ClusterApiController(Clusters clusters, ClusterRegistry registry) {
		this.clusters = clusters;
		this.registry = registry;
	}

	/**
	 * A cluster as the API shows it.
	 */
	record ClusterView(String name, String displayName, ClusterSource source, @Nullable String server,
			@Nullable String credential, Instant registeredAt, String registeredBy, @Nullable Override writeOverride,
			@Nullable LastCheck lastCheck) {

		record Override(String by, @Nullable String reason, @Nullable Instant at) {
		}

		static ClusterView of(Cluster c) {
			return new ClusterView(c.getName(), c.getDisplayName(), c.getSource(), c.getServerUrl(),
					c.getCredentialSummary(), c.getCreatedAt(), c.getCreatedBy(),
					c.isWriteCapableOverride()
							? new Override(String.valueOf(c.getWriteOverrideBy()), c.getWriteOverrideReason(),
									c.getWriteOverrideAt())
							: null,
					c.getLastCheck());
		}

	}

	/**
	 * A registration: exactly one of {@code kubeconfig}, {@code server} + {@code token}, or
	 * {@code inCluster}.
	 */
	record RegisterRequest(@NotBlank @Size(max = 63) String name, @Size(max = 200) @Nullable String displayName,
			@Size(max = 1_048_576) @Nullable String kubeconfig, @Nullable String context, @Nullable String server,
			@Nullable String token, @Nullable String caPem, boolean inCluster, @Nullable String overrideReason) {

		Registration registration() {
			ClusterCredential credential;
			if (this.kubeconfig != null) {
				credential = new ClusterCredential.Kubeconfig(this.kubeconfig, this.context);
			}
			else if (this.server != null && this.token != null) {
				credential = new ClusterCredential.Token(this.server, this.token, this.caPem);
			}
			else if (this.inCluster) {
				credential = new ClusterCredential.InCluster();
			}
			else {
				throw new InvalidCredentialException("cluster.registration.no-credential");
			}
			return new Registration(this.name, this.displayName == null ? "" : this.displayName, credential,
					this.overrideReason);
		}

	}

	@GetMapping
	List<ClusterView> list() {
		return this.clusters.all().stream().map(ClusterView::of).toList();
	}

	@GetMapping("/{name}")
	ClusterView get(@PathVariable String name) {
		return ClusterView.of(this.clusters.byName(name));
	}

	@PostMapping
	ResponseEntity<ClusterView> register(@Validated @RequestBody RegisterRequest request, Principal user) {
		Cluster cluster = this.registry.register(request.registration(), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/clusters/" + cluster.getName())).body(ClusterView.of(cluster));
	}

	@PostMapping("/{name}/test")
	ClusterView test(@PathVariable String name) {
		return ClusterView.of(this.registry.retest(name));
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.registry.delete(name);
		return ResponseEntity.noContent().build();
	}

}
