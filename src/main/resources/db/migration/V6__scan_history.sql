-- Scan history, designed for years of hourly scans. A scan row carries its state, progress while
-- it runs, and the cluster-level results; raw failing findings are kept for a retention period,
-- rollups (per check x namespace x severity, per-check counts, namespace and workload scores)
-- forever, so trends never read raw findings. Removing a cluster removes its history.

-- One scan of one cluster. At most one RUNNING scan per cluster (partial unique index), which is
-- how a second request, on any replica, joins the running scan instead of starting another.
CREATE TABLE scan (
	id BIGSERIAL PRIMARY KEY,
	cluster_id BIGINT NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
	state VARCHAR(10) NOT NULL,
	trigger VARCHAR(10) NOT NULL,
	requested_by VARCHAR(100) NOT NULL,
	started_at TIMESTAMP WITH TIME ZONE NOT NULL,
	finished_at TIMESTAMP WITH TIME ZONE,
	-- progress, written every few seconds by the replica running the scan; a RUNNING scan whose
	-- heartbeat stopped (crash, restart, database outage) is marked FAILED
	heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
	instance VARCHAR(100) NOT NULL,
	phase VARCHAR(20) NOT NULL,
	kinds_total INTEGER NOT NULL DEFAULT 0,
	kinds_done INTEGER NOT NULL DEFAULT 0,
	objects INTEGER NOT NULL DEFAULT 0,
	error TEXT,
	-- [{"kind", "reason", "message"}] of a partial snapshot; warnings as a list of strings
	gaps JSONB NOT NULL DEFAULT '[]',
	warnings JSONB NOT NULL DEFAULT '[]',
	server_version VARCHAR(100),
	nodes INTEGER,
	namespaces INTEGER,
	workloads INTEGER,
	pods INTEGER,
	score SMALLINT,
	grade CHAR(1),
	dangers INTEGER,
	warning_findings INTEGER,
	infos INTEGER,
	exempted INTEGER,
	findings_purged_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT scan_state_ck CHECK (state IN ('RUNNING', 'OK', 'PARTIAL', 'FAILED')),
	CONSTRAINT scan_trigger_ck CHECK (trigger IN ('SCHEDULE', 'MANUAL', 'API'))
);
CREATE UNIQUE INDEX scan_one_running_uk ON scan (cluster_id) WHERE state = 'RUNNING';
CREATE INDEX scan_cluster_started_ix ON scan (cluster_id, started_at DESC);
CREATE INDEX scan_started_ix ON scan (started_at DESC);

-- What findings and scores are about (workload, object, namespace, node, the cluster), once per
-- cluster, so a finding row holds a small integer instead of three names.
CREATE TABLE scan_subject (
	id SERIAL PRIMARY KEY,
	cluster_id BIGINT NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
	kind VARCHAR(63) NOT NULL,
	namespace VARCHAR(253) NOT NULL,
	name VARCHAR(253) NOT NULL,
	CONSTRAINT scan_subject_uk UNIQUE (cluster_id, kind, namespace, name)
);

-- The failing findings of a scan, in report order (seq), written with COPY. Severity: 0 danger,
-- 1 warning, 2 info (after configuration). exempt_source: 0 annotation, 1 namespace annotation,
-- 2 configuration; NULL when the finding counts. Deleted after the retention period.
-- No foreign key to scan: checking it row by row took more than half the time of storing a
-- 150,000-pod scan's 415,000 findings (bench/scan-persist); the trigger scan_deleted_findings
-- below removes the findings of deleted scans instead, as ON DELETE CASCADE would.
CREATE TABLE scan_finding (
	scan_id BIGINT NOT NULL,
	seq INTEGER NOT NULL,
	subject_id INTEGER NOT NULL,
	check_id VARCHAR(63) NOT NULL,
	severity SMALLINT NOT NULL,
	container VARCHAR(253),
	path TEXT NOT NULL,
	actual TEXT NOT NULL,
	exempt_source SMALLINT,
	exempt_reason TEXT,
	PRIMARY KEY (scan_id, seq)
);

CREATE FUNCTION scan_deleted_findings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM scan_finding WHERE scan_id IN (SELECT id FROM deleted);
	RETURN NULL;
END
$$;
CREATE TRIGGER scan_deleted_findings AFTER DELETE ON scan REFERENCING OLD TABLE AS deleted
	FOR EACH STATEMENT EXECUTE FUNCTION scan_deleted_findings();

-- Rollup: failing and exempted findings per check x namespace ('' for cluster-scoped) x severity.
CREATE TABLE scan_check_rollup (
	scan_id BIGINT NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
	check_id VARCHAR(63) NOT NULL,
	namespace VARCHAR(253) NOT NULL,
	severity SMALLINT NOT NULL,
	failing INTEGER NOT NULL,
	exempted INTEGER NOT NULL,
	PRIMARY KEY (scan_id, check_id, namespace, severity)
);

-- How each check did: subjects looked at, failing, exempted, or why it was skipped.
CREATE TABLE scan_check_result (
	scan_id BIGINT NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
	check_id VARCHAR(63) NOT NULL,
	checked INTEGER NOT NULL,
	failed INTEGER NOT NULL,
	exempted INTEGER NOT NULL,
	skipped VARCHAR(500),
	PRIMARY KEY (scan_id, check_id)
);

CREATE TABLE scan_namespace_score (
	scan_id BIGINT NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
	namespace VARCHAR(253) NOT NULL,
	score SMALLINT NOT NULL,
	grade CHAR(1) NOT NULL,
	dangers INTEGER NOT NULL,
	warnings INTEGER NOT NULL,
	exempted INTEGER NOT NULL,
	PRIMARY KEY (scan_id, namespace)
);

CREATE TABLE scan_workload_score (
	scan_id BIGINT NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
	subject_id INTEGER NOT NULL,
	score SMALLINT NOT NULL,
	dangers SMALLINT NOT NULL,
	warnings SMALLINT NOT NULL,
	exempted SMALLINT NOT NULL,
	PRIMARY KEY (scan_id, subject_id)
);
-- a workload's score history, read from the index alone: a year of hourly scans is 8,760 rows
-- on as many pages of the table, but a few dozen pages of this index (bench/history-api)
CREATE INDEX scan_workload_score_subject_ix ON scan_workload_score (subject_id, scan_id)
	INCLUDE (score, dangers, warnings);

-- Results of the analyses (snapshot summary, sizing, CIDR, taints, isolation) as versioned JSON.
CREATE TABLE scan_analysis (
	scan_id BIGINT NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
	kind VARCHAR(40) NOT NULL,
	version INTEGER NOT NULL,
	document JSONB NOT NULL,
	PRIMARY KEY (scan_id, kind)
);

-- Per-cluster schedule and retention; a cluster without a row uses the defaults of
-- ballast.scan.* (hourly, raw findings kept 90 days).
CREATE TABLE scan_schedule (
	cluster_id BIGINT PRIMARY KEY REFERENCES cluster (id) ON DELETE CASCADE,
	cron VARCHAR(120) NOT NULL,
	enabled BOOLEAN NOT NULL,
	findings_retention_days INTEGER,
	next_run_at TIMESTAMP WITH TIME ZONE,
	updated_by VARCHAR(100) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT scan_schedule_retention_ck CHECK (findings_retention_days IS NULL OR findings_retention_days >= 1)
);

-- ShedLock: scheduled jobs (due scans, retention, stale-scan reaping) run on one replica at a time.
CREATE TABLE shedlock (
	name VARCHAR(64) PRIMARY KEY,
	lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
	locked_at TIMESTAMP WITH TIME ZONE NOT NULL,
	locked_by VARCHAR(255) NOT NULL
);
