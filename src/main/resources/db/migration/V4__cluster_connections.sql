-- Live connections: the credential (encrypted, never shown again), the last connection test and
-- an administrator's override of the read-only rule, which every page then shows.
ALTER TABLE cluster
	ADD COLUMN server_url VARCHAR(500),
	ADD COLUMN credential BYTEA,
	ADD COLUMN credential_summary VARCHAR(300),
	ADD COLUMN write_override_by VARCHAR(100),
	ADD COLUMN write_override_reason VARCHAR(500),
	ADD COLUMN write_override_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN checked_at TIMESTAMP WITH TIME ZONE,
	ADD COLUMN check_outcome VARCHAR(20),
	ADD COLUMN check_message VARCHAR(2000),
	ADD COLUMN server_version VARCHAR(100),
	ADD COLUMN node_count INTEGER,
	ADD COLUMN latency_ms INTEGER,
	ADD COLUMN dangerous_permissions TEXT,
	ADD COLUMN unreadable_permissions TEXT,
	ADD CONSTRAINT cluster_check_outcome_ck CHECK (check_outcome IN ('READ_ONLY', 'WRITE_CAPABLE', 'UNREACHABLE', 'TIMED_OUT', 'UNAUTHORIZED', 'FORBIDDEN', 'TLS', 'FAILED')),
	ADD CONSTRAINT cluster_credential_ck CHECK (source IN ('DEMO', 'MANIFESTS') OR credential IS NOT NULL OR source = 'IN_CLUSTER');
