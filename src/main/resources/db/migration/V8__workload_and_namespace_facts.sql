-- Facts of each scan that the namespace and workload pages show: one small JSON document per
-- workload (replicas, labels, annotations, owners, pods and where they run, images, service
-- account) and per namespace (labels, LimitRange, ResourceQuota, NetworkPolicy default-deny,
-- workloads), so a page reads one row, never a whole-cluster document. Raw facts, like raw
-- findings: written with COPY, removed by retention with the findings, and without a foreign key
-- to scan (the trigger below removes them with their scan, as it does the findings).
CREATE TABLE scan_workload_fact (
	scan_id BIGINT NOT NULL,
	subject_id INTEGER NOT NULL,
	document JSONB NOT NULL,
	PRIMARY KEY (scan_id, subject_id)
);

CREATE TABLE scan_namespace_fact (
	scan_id BIGINT NOT NULL,
	namespace VARCHAR(253) NOT NULL,
	document JSONB NOT NULL,
	PRIMARY KEY (scan_id, namespace)
);

CREATE OR REPLACE FUNCTION scan_deleted_findings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM scan_finding WHERE scan_id IN (SELECT id FROM deleted);
	DELETE FROM scan_workload_fact WHERE scan_id IN (SELECT id FROM deleted);
	DELETE FROM scan_namespace_fact WHERE scan_id IN (SELECT id FROM deleted);
	RETURN NULL;
END
$$;
