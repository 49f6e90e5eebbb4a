package dev.ballast.cluster;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * With {@code ballast.demo=true}, registers the demo cluster on a first start, when no cluster is
 * registered yet. A cluster the user registered, or a demo cluster they removed later, is never
 * touched again.
 */
@Component
class DemoClusterRegistration implements ApplicationRunner {

	static final String NAME = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoClusterRegistration.class);

	private final DemoSettings settings;

	private final ClusterRepository repository;

	private final Clock clock;

	DemoClusterRegistration(DemoSettings settings, ClusterRepository repository) {
		this.settings = settings;
		this.repository = repository;
		this.clock = Clock.systemUTC();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.settings.demo() || this.repository.count() > 0) {
			return;
		}
		try {
			this.repository.save(new Cluster(NAME, "Demo cluster", ClusterSource.DEMO, DemoManifests.LOCATION,
					Instant.now(this.clock), "ballast"));
			log.info("Registered the demo cluster '{}' from the bundled manifests ({})", NAME, DemoManifests.LOCATION);
		}
		catch (DataIntegrityViolationException ex) {
			log.debug("Demo cluster registered by another replica meanwhile");
		}
	}

}
