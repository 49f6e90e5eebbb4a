package dev.ballast.cluster;

/**
 * Where a cluster's objects are read from.
 */
public enum ClusterSource {

	/** The demo cluster: manifest files bundled with Ballast. */
	DEMO,
	/** Manifest files (YAML/JSON, kubectl dumps) supplied by the user. */
	MANIFESTS,
	/** A kubeconfig context. */
	KUBECONFIG,
	/** An API server URL with a bearer token and CA. */
	TOKEN,
	/** The service account Ballast runs as inside the cluster. */
	IN_CLUSTER

}
