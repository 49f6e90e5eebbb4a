-- What an administrator states about a cluster's network where discovery guessed or was wrong
-- (the CIDR page). Applied when the page or the API reads a scan, so a change shows without a
-- rescan. NULL keeps the discovered value. One row per cluster, gone with the cluster.
CREATE TABLE network_override (
	cluster_id BIGINT PRIMARY KEY REFERENCES cluster (id) ON DELETE CASCADE,
	pod_cidrs VARCHAR(100),
	service_cidrs VARCHAR(100),
	node_mask INTEGER,
	max_pods INTEGER,
	mode VARCHAR(20),
	changed_by VARCHAR(100) NOT NULL,
	changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT network_override_mode_ck CHECK (mode IN ('NODE_BLOCKS', 'VPC_NATIVE', 'UNKNOWN'))
);
