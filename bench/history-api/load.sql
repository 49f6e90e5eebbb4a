-- One year of hourly scans (8,760) of a 2,000-workload cluster 'prod' in 20 namespaces, generated
-- into Ballast's schema: the scan rows, the subjects, 5 failing findings per workload per scan for
-- the last 90 days only (older scans have findings_purged_at set, as retention leaves them), and
-- for every scan the rollups, check results, namespace and workload scores and an analysis.
-- The facts of workloads and namespaces are generated for the last week of scans.
-- Findings are stable from scan to scan except one per workload whose check changes once a week
-- (staggered), so about a dozen are new in each scan. Run by bench/history-api/run.sh with psql.
\set ON_ERROR_STOP on
-- the rows are consistent by construction; foreign keys are not checked row by row while loading
SET session_replication_role = replica;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';

INSERT INTO cluster (name, display_name, source, manifest_location, created_at, created_by)
VALUES ('prod', 'Production', 'MANIFESTS', 'file:/nonexistent/prod', now() - interval '366 days', 'bench');
-- no scheduled scans of this cluster while the benchmark runs
INSERT INTO scan_schedule (cluster_id, cron, enabled, updated_by, updated_at)
SELECT id, '0 0 * * * *', false, 'bench', now() FROM cluster WHERE name = 'prod';

CREATE TEMP TABLE c AS SELECT id FROM cluster WHERE name = 'prod';

-- 2,000 workloads, 100 per namespace
CREATE TEMP TABLE w AS
SELECT g AS w, 'ns-' || lpad((g % 20)::text, 2, '0') AS namespace,
  CASE WHEN g % 10 = 0 THEN 'StatefulSet' WHEN g % 25 = 1 THEN 'DaemonSet' ELSE 'Deployment' END AS kind,
  'svc-' || lpad(g::text, 4, '0') AS name, 0 AS sid
FROM generate_series(0, 1999) g;
INSERT INTO scan_subject (cluster_id, kind, namespace, name)
SELECT c.id, w.kind, w.namespace, w.name FROM w, c ORDER BY w.w;
INSERT INTO scan_subject (cluster_id, kind, namespace, name)
SELECT c.id, 'Namespace', '', 'ns-' || lpad(g::text, 2, '0') FROM generate_series(0, 19) g, c;
UPDATE w SET sid = s.id FROM scan_subject s WHERE s.kind = w.kind AND s.namespace = w.namespace AND s.name = w.name;

-- the 20 checks that fail: id, severity (0 danger, 1 warning, 2 info), field, value
CREATE TEMP TABLE ch (k INTEGER, id TEXT, severity SMALLINT, path TEXT, actual TEXT);
INSERT INTO ch VALUES
  (0, 'run-as-root', 0, 'spec.template.spec.containers[0].securityContext.runAsNonRoot', 'not set'),
  (1, 'privilege-escalation-allowed', 0, 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation', 'true'),
  (2, 'host-path-volume', 0, 'spec.template.spec.volumes[1].hostPath.path', '/var/run/docker.sock'),
  (3, 'single-replica', 0, 'spec.replicas', '1'),
  (4, 'liveness-probe-missing', 1, 'spec.template.spec.containers[0].livenessProbe', 'not set'),
  (5, 'readiness-probe-missing', 1, 'spec.template.spec.containers[0].readinessProbe', 'not set'),
  (6, 'cpu-request-missing', 1, 'spec.template.spec.containers[0].resources.requests.cpu', 'not set'),
  (7, 'memory-limit-missing', 1, 'spec.template.spec.containers[0].resources.limits.memory', 'not set'),
  (8, 'image-tag-mutable', 1, 'spec.template.spec.containers[1].image', 'envoyproxy/envoy:latest'),
  (9, 'anti-affinity-missing', 1, 'spec.template.spec.affinity.podAntiAffinity', 'not set'),
  (10, 'pdb-missing', 1, 'metadata.name', 'no PodDisruptionBudget selects these pods'),
  (11, 'prestop-hook-missing', 1, 'spec.template.spec.containers[0].lifecycle.preStop', 'not set'),
  (12, 'jvm-heap-unsized', 1, 'spec.template.spec.containers[0].env[JAVA_OPTS]', '-Xss1m (no -Xmx, no MaxRAMPercentage)'),
  (13, 'capabilities-not-dropped', 1, 'spec.template.spec.containers[0].securityContext.capabilities.drop', 'not set'),
  (14, 'ephemeral-storage-limit-missing', 1, 'spec.template.spec.containers[0].resources.limits.ephemeral-storage', 'not set'),
  (15, 'image-pull-policy-stale', 1, 'spec.template.spec.containers[0].imagePullPolicy', 'IfNotPresent'),
  (16, 'env-literals-many', 2, 'spec.template.spec.containers[0].env', '14 literal values'),
  (17, 'topology-spread-missing', 2, 'spec.template.spec.topologySpreadConstraints', 'not set'),
  (18, 'label-recommended-missing', 2, 'metadata.labels', 'app.kubernetes.io/name not set'),
  (19, 'read-only-root-filesystem', 2, 'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem', 'false');

-- 8,760 hourly scans up to the current hour; findings of those older than 90 days purged
CREATE TEMP TABLE s AS
SELECT i, date_trunc('hour', now()) - (8760 - i) * interval '1 hour' AS t,
  (70 + round(8 * sin(i / 700.0)) - (i % 5))::smallint AS score
FROM generate_series(1, 8760) i;
INSERT INTO scan (cluster_id, state, trigger, requested_by, started_at, finished_at, heartbeat_at, instance, phase,
  kinds_total, kinds_done, objects, server_version, nodes, namespaces, workloads, pods, score, grade, dangers,
  warning_findings, infos, exempted, findings_purged_at)
SELECT c.id, 'OK', 'SCHEDULE', 'schedule', s.t, s.t + interval '38 seconds', s.t + interval '38 seconds', 'ballast-0',
  'done', 24, 24, 16150, 'v1.29.3', 150, 20, 2000, 12000, s.score,
  CASE WHEN s.score >= 90 THEN 'A' WHEN s.score >= 80 THEN 'B' WHEN s.score >= 70 THEN 'C' WHEN s.score >= 60 THEN 'D' ELSE 'F' END,
  1960 + s.i % 7, 5880 + s.i % 11, 1960, 200,
  CASE WHEN s.t < now() - interval '90 days' THEN s.t + interval '90 days 10 minutes' END
FROM s, c ORDER BY s.i;
-- the scans with their ids, stored in order: the LATERAL inserts below follow it
CREATE TEMP TABLE si AS
SELECT s.i, s.t, scan.id FROM s JOIN scan ON scan.started_at = s.t JOIN c ON c.id = scan.cluster_id ORDER BY s.i;
DROP TABLE s;
ALTER TABLE si RENAME TO s;
ANALYZE s;
ANALYZE w;

ALTER TABLE scan_finding DROP CONSTRAINT scan_finding_pkey;
-- scan by scan (LATERAL), so that each scan's findings lie together as COPY writes them
INSERT INTO scan_finding (scan_id, seq, subject_id, check_id, severity, container, path, actual, exempt_source,
  exempt_reason)
SELECT s.id, x.seq, x.sid, x.id, x.severity, x.container, x.path, x.actual, x.exempt_source, x.exempt_reason
FROM s CROSS JOIN LATERAL (
  SELECT w.w * 5 + f.j AS seq, w.sid, ch.id, ch.severity,
    CASE WHEN ch.path LIKE '%containers[%' THEN 'app' END AS container, ch.path, ch.actual,
    CASE WHEN (w.w + f.j) % 50 = 0 THEN 2 END AS exempt_source,
    CASE WHEN (w.w + f.j) % 50 = 0 THEN 'accepted until the Q3 migration' END AS exempt_reason
  FROM w CROSS JOIN generate_series(0, 4) AS f (j)
  JOIN ch ON ch.k = (w.w * 3 + CASE WHEN f.j < 4 THEN f.j * 4 ELSE 16 + ((s.i + w.w) / 168) % 4 END) % 20
  ORDER BY 1) x
WHERE s.t >= now() - interval '90 days';
ALTER TABLE scan_finding ADD CONSTRAINT scan_finding_pkey PRIMARY KEY (scan_id, seq);

ALTER TABLE scan_workload_score DROP CONSTRAINT scan_workload_score_pkey;
DROP INDEX scan_workload_score_subject_ix;
INSERT INTO scan_workload_score (scan_id, subject_id, score, dangers, warnings, exempted)
SELECT s.id, x.sid, 55 + (x.w * 37 + s.i / 24) % 45, x.w % 3, 2 + x.w % 3, CASE WHEN x.w % 10 = 0 THEN 1 ELSE 0 END
FROM s CROSS JOIN LATERAL (SELECT w.w, w.sid FROM w ORDER BY w.w OFFSET 0) x;
ALTER TABLE scan_workload_score ADD CONSTRAINT scan_workload_score_pkey PRIMARY KEY (scan_id, subject_id);
CREATE INDEX scan_workload_score_subject_ix ON scan_workload_score (subject_id, scan_id)
	INCLUDE (score, dangers, warnings);

INSERT INTO scan_namespace_score (scan_id, namespace, score, grade, dangers, warnings, exempted)
SELECT s.id, 'ns-' || lpad(n::text, 2, '0'), x.score,
  CASE WHEN x.score >= 90 THEN 'A' WHEN x.score >= 80 THEN 'B' WHEN x.score >= 70 THEN 'C' WHEN x.score >= 60 THEN 'D' ELSE 'F' END,
  95 + n, 290 + n, 10
FROM s CROSS JOIN generate_series(0, 19) n CROSS JOIN LATERAL (SELECT 60 + (n * 7 + s.i / 48) % 35 AS score) x;

INSERT INTO scan_check_rollup (scan_id, check_id, namespace, severity, failing, exempted)
SELECT s.id, ch.id, 'ns-' || lpad(n::text, 2, '0'), ch.severity, 20 + (ch.k + n + s.i / 24) % 10, (ch.k + n) % 3
FROM s CROSS JOIN ch CROSS JOIN generate_series(0, 19) n;

INSERT INTO scan_check_result (scan_id, check_id, checked, failed, exempted, skipped)
SELECT s.id, x.id, 2000, CASE WHEN x.failing THEN 500 ELSE 0 END, CASE WHEN x.failing THEN 10 ELSE 0 END,
  CASE WHEN x.n = 94 THEN 'HorizontalPodAutoscaler not served' END
FROM s CROSS JOIN (SELECT id, true AS failing, k AS n FROM ch
  UNION ALL SELECT 'passing-check-' || g, false, g FROM generate_series(20, 94) g) x;

INSERT INTO scan_analysis (scan_id, kind, version, document)
SELECT s.id, 'snapshot', 1, jsonb_build_object('kinds', jsonb_build_object('Node', 150, 'Namespace', 20,
  'Deployment', 1720, 'StatefulSet', 200, 'DaemonSet', 80, 'ReplicaSet', 1720, 'Pod', 12000, 'Service', 1900,
  'PodDisruptionBudget', 900, 'NetworkPolicy', 20), 'serverVersion', 'v1.29.3', 'gaps', jsonb_build_array())
FROM s;

-- the facts the namespace and workload pages read, for the last week of scans (raw facts, like raw
-- findings; the pages read those of the latest scan): 3 pods per workload on 150 nodes in 3 zones
INSERT INTO scan_workload_fact (scan_id, subject_id, document)
SELECT s.id, w.sid, jsonb_build_object('kind', w.kind, 'apiVersion', 'apps/v1', 'replicas', 3, 'readyReplicas', 3,
  'labels', jsonb_build_object('app', w.name, 'team', 'team-' || (w.w % 12)),
  'annotations', jsonb_build_object('owner', 'team-' || (w.w % 12) || '@example.com'),
  'owners', jsonb_build_array(), 'serviceAccount', 'default',
  'images', jsonb_build_array('registry.example/' || w.name || ':1.' || (s.i / 168)),
  'podCount', 3, 'podsReady', 3, 'oomKilled', 0,
  'pods', (SELECT jsonb_agg(jsonb_build_object('name', w.name || '-7d9f-' || p, 'controller', 'ReplicaSet/' || w.name || '-7d9f',
    'node', 'node-' || lpad(((w.w * 3 + p) % 150)::text, 3, '0'), 'zone', 'zone-' || (p % 3), 'phase', 'Running', 'ready', true,
    'restarts', (w.w + p) % 4, 'startedAt', '2026-01-01T00:00:00Z')) FROM generate_series(0, 2) p))
FROM s CROSS JOIN w WHERE s.i > (SELECT max(i) FROM s) - 168;

INSERT INTO scan_namespace_fact (scan_id, namespace, document)
SELECT s.id, 'ns-' || lpad(n::text, 2, '0'), jsonb_build_object('labels',
  jsonb_build_object('pod-security.kubernetes.io/enforce', 'baseline'), 'phase', 'Active', 'workloads', 100, 'pods', 300,
  'limitRanges', n % 2, 'quotas', jsonb_build_array(), 'networkPolicies', 1, 'defaultDenyIngress', n % 3 = 0,
  'defaultDenyEgress', false, 'unknown', jsonb_build_array())
FROM s CROSS JOIN generate_series(0, 19) n WHERE s.i > (SELECT max(i) FROM s) - 168;

RESET session_replication_role;
