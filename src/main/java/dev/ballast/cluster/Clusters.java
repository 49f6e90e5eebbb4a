package dev.ballast.cluster;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered clusters, for other modules and the pages.
 */
@Service
@Transactional(readOnly = true)
public class Clusters {

	private final ClusterRepository repository;

	Clusters(ClusterRepository repository) {
		this.repository = repository;
	}

	public List<Cluster> all() {
		return this.repository.findAllByOrderByDisplayNameAsc();
	}

	/**
	 * The cluster of that name.
	 * @throws ClusterNotFoundException when there is none (a 404)
	 */
	public Cluster byName(String name) {
		return this.repository.findByName(name).orElseThrow(() -> new ClusterNotFoundException(name));
	}

}
