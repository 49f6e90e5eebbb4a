package dev.ballast.cluster;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A cluster of that name is registered already.
 */
public class ClusterNameTakenException extends ErrorResponseException {

	public ClusterNameTakenException(String name) {
		super(HttpStatus.CONFLICT, ClusterProblems.problem(HttpStatus.CONFLICT, "cluster-name-taken", "Cluster name taken"),
				null, "cluster.registration.name-taken", new Object[] { name });
	}

}
