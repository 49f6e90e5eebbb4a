package dev.ballast.scan.cidr;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.ballast.network.NetworkOverrides;
import dev.ballast.network.NetworkReport.Mode;

/**
 * The network overrides of each cluster (table {@code network_override}).
 */
@Repository
class OverrideStore {

	private final JdbcClient jdbc;

	OverrideStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Stored find(long clusterId) {
		return this.jdbc
			.sql("SELECT pod_cidrs, service_cidrs, node_mask, max_pods, mode, changed_by, changed_at FROM network_override WHERE cluster_id = ?")
			.param(clusterId)
			.query((rs, row) -> new Stored(new NetworkOverrides(rs.getString(1), rs.getString(2),
					(Integer) rs.getObject(3), (Integer) rs.getObject(4),
					(rs.getString(5) != null) ? Mode.valueOf(rs.getString(5)) : null), rs.getString(6),
					rs.getTimestamp(7).toInstant()))
			.optional()
			.orElse(Stored.NONE);
	}

	@Transactional
	void save(long clusterId, NetworkOverrides overrides, String user, Instant at) {
		if (overrides.isEmpty()) {
			delete(clusterId);
			return;
		}
		this.jdbc.sql("""
				INSERT INTO network_override (cluster_id, pod_cidrs, service_cidrs, node_mask, max_pods, mode, changed_by, changed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (cluster_id) DO UPDATE SET pod_cidrs = EXCLUDED.pod_cidrs, service_cidrs = EXCLUDED.service_cidrs,
				  node_mask = EXCLUDED.node_mask, max_pods = EXCLUDED.max_pods, mode = EXCLUDED.mode,
				  changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
				""")
			.params(clusterId, overrides.podCidrs(), overrides.serviceCidrs(), overrides.nodeMask(), overrides.maxPods(),
					(overrides.mode() != null) ? overrides.mode().name() : null, user, Timestamp.from(at))
			.update();
	}

	@Transactional
	boolean delete(long clusterId) {
		return this.jdbc.sql("DELETE FROM network_override WHERE cluster_id = ?").param(clusterId).update() > 0;
	}

	/**
	 * A cluster's overrides and who set them.
	 *
	 * @param overrides the overrides, {@link NetworkOverrides#NONE} when none
	 * @param changedBy who set them, {@code null} when none
	 * @param changedAt when, {@code null} when none
	 */
	record Stored(NetworkOverrides overrides, @Nullable String changedBy, @Nullable Instant changedAt) {

		static final Stored NONE = new Stored(NetworkOverrides.NONE, null, null);

	}

}
