package dev.ballast.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers live clusters, re-tests and removes them. A credential is tested before anything is
 * saved: unreachable or invalid ones are refused with the reason, write-capable ones unless an
 * administrator overrides with a reason. Nothing is half-saved.
 */
@Service
public class ClusterRegistry {

	private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	private final ClusterRepository repository;

	private final ConnectionTester tester;

	private final CredentialCipher cipher;

	private final Clock clock;

	ClusterRegistry(ClusterRepository repository, ConnectionTester tester, CredentialCipher cipher) {
		this.repository = repository;
		this.tester = tester;
		this.cipher = cipher;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Tests the credential and, when Ballast may use it, stores the cluster.
	 * @throws InvalidCredentialException bad name, bad credential, no encryption key
	 * @throws ClusterNameTakenException the name is registered already
	 * @throws ClusterUnreachableException the connection test failed
	 * @throws WriteCapableCredentialException the credential can write and no override was given
	 */
	public Cluster register(Registration registration, String actor) {
		if (!DNS_LABEL.matcher(registration.name()).matches()) {
			throw new InvalidCredentialException("cluster.registration.bad-name", registration.name());
		}
		if (this.repository.findByName(registration.name()).isPresent()) {
			throw new ClusterNameTakenException(registration.name());
		}
		if (!this.cipher.hasKey()) {
			throw new InvalidCredentialException("cluster.registration.no-key");
		}
		ConnectionReport report = test(registration.credential());
		String override = blankToNull(registration.overrideReason());
		if (!report.verdict().readOnly() && override == null) {
			throw new WriteCapableCredentialException(report.verdict());
		}
		Instant now = Instant.now(this.clock);
		Cluster cluster = Cluster.connected(registration.name(), registration.displayName().isBlank()
				? registration.name() : registration.displayName().strip(), sourceOf(registration.credential()),
				serverOf(registration.credential()), this.cipher.encrypt(registration.credential()),
				CredentialSummary.of(registration.credential()), now, actor);
		cluster.recordCheck(LastCheck.of(report));
		if (!report.verdict().readOnly()) {
			cluster.overrideReadOnlyRule(actor, override, now);
		}
		return this.repository.save(cluster);
	}

	/** Runs the connection test again with the stored credential and records the outcome. */
	@Transactional
	public Cluster retest(String name) {
		Cluster cluster = this.repository.findByName(name).orElseThrow(() -> new ClusterNotFoundException(name));
		byte[] stored = cluster.credential();
		if (stored == null) {
			return cluster;
		}
		try {
			cluster.recordCheck(LastCheck.of(this.tester.test(this.cipher.decrypt(stored))));
		}
		catch (ClusterAccessException ex) {
			cluster.recordCheck(LastCheck.failed(Instant.now(this.clock), ex));
		}
		return cluster;
	}

	@Transactional
	public void delete(String name) {
		Cluster cluster = this.repository.findByName(name).orElseThrow(() -> new ClusterNotFoundException(name));
		this.repository.delete(cluster);
	}

	private ConnectionReport test(ClusterCredential credential) {
		try {
			return this.tester.test(credential);
		}
		catch (ClusterAccessException ex) {
			throw new ClusterUnreachableException(ex);
		}
	}

	private static ClusterSource sourceOf(ClusterCredential credential) {
		if (credential instanceof ClusterCredential.Kubeconfig) {
			return ClusterSource.KUBECONFIG;
		}
		return (credential instanceof ClusterCredential.Token) ? ClusterSource.TOKEN : ClusterSource.IN_CLUSTER;
	}

	private static String serverOf(ClusterCredential credential) {
		return CredentialSummary.server(credential);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
