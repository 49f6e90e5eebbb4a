package dev.ballast.cluster;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ClusterRepository extends ListCrudRepository<Cluster, Long> {

	Optional<Cluster> findByName(String name);

	List<Cluster> findAllByOrderByDisplayNameAsc();

	long countByCredentialIsNotNull();

}
