-- The latest finished or landed scan of each cluster (every page's header, the fleet overview,
-- the findings explorer) walks this index backwards from a cluster's newest scan and stops at the
-- first that qualifies, instead of grouping every scan of a year of history.
CREATE INDEX scan_cluster_latest_ix ON scan (cluster_id, id DESC) INCLUDE (state);
