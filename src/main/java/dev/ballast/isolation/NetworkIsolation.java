package dev.ballast.isolation;

import java.util.List;

/**
 * Namespace posture, NetworkPolicy reachability and DNS notes of a snapshot.
 *
 * @param notes what could not be known
 */
public record NetworkIsolation(List<String> notes) {

	static NetworkIsolation of(dev.ballast.snapshot.ClusterSnapshot snapshot) {
		return new NetworkIsolation(List.of());
	}

}
