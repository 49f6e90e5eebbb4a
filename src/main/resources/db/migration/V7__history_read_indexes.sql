-- Reads of a year of history stay cheap:
-- the freshness of scan-derived answers (ETag, Last-Modified) is two index lookups, not a scan;
CREATE INDEX scan_finished_ix ON scan (finished_at);
CREATE INDEX scan_purged_ix ON scan (findings_purged_at);
-- a cluster's score trend reads this index alone, not one table page per scan.
CREATE INDEX scan_trend_ix ON scan (cluster_id, started_at) INCLUDE (id, state, score, dangers, warning_findings);
