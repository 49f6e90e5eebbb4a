-- Registered clusters. Connection details and encrypted credentials arrive with live connections.
CREATE TABLE cluster (
	id BIGSERIAL PRIMARY KEY,
	name VARCHAR(63) NOT NULL,
	display_name VARCHAR(200) NOT NULL,
	source VARCHAR(20) NOT NULL,
	manifest_location VARCHAR(500),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	CONSTRAINT cluster_name_uk UNIQUE (name),
	CONSTRAINT cluster_source_ck CHECK (source IN ('DEMO', 'MANIFESTS', 'KUBECONFIG', 'TOKEN', 'IN_CLUSTER'))
);
