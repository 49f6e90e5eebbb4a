package dev.ballast.scan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ballast.cluster.Clusters;
import dev.ballast.scan.internal.ScanStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis documents stored with each scan (sizing, network, taints, isolation), read back
 * for the pages, the API and the e-mail report, which never read the live cluster. A document is
 * read only in the version its reader knows; a scan stored by an older Ballast reads as "no such
 * analysis" and the page asks for a new scan.
 */
@Service
@Transactional(readOnly = true)
public class StoredAnalyses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ScanStore store;

	private final JdbcClient jdbc;

	private final Clusters clusters;

	StoredAnalyses(ScanStore store, JdbcClient jdbc, Clusters clusters) {
		this.store = store;
		this.jdbc = jdbc;
		this.clusters = clusters;
	}

	/**
	 * For the API: the analysis of a cluster's latest landed scan, or the problem that explains why
	 * there is none.
	 * @param clusterName the cluster; an unknown one is a 404
	 * @param kind the document kind
	 * @param version the version the caller reads
	 * @param type the document's type
	 * @param <T> the document's type
	 * @return the scan and its document
	 * @throws ScanProblem 404 {@code no-scan} when no scan has landed, 404
	 * {@code analysis-not-found} when the latest landed scan holds no such document
	 */
	public <T> Landed<T> latestOrProblem(String clusterName, String kind, int version, Class<T> type) {
		long clusterId = java.util.Objects.requireNonNull(this.clusters.byName(clusterName).getId());
		Stored<T> stored = latest(clusterId, kind, version, type).orElseThrow(() -> ScanProblem.noScan(clusterName));
		T document = stored.document();
		if (document == null) {
			throw ScanProblem.noAnalysis(stored.scan().id(), kind);
		}
		return new Landed<>(stored.scan(), document);
	}

	/**
	 * An analysis that exists.
	 *
	 * @param <T> the document's type
	 * @param scan the scan it was stored with
	 * @param document the document
	 */
	public record Landed<T>(Scan scan, T document) {
	}

	/**
	 * An analysis of one scan.
	 *
	 * @param <T> the document's type
	 * @param scan the scan it was stored with
	 * @param document the document, {@code null} when the scan holds none of this kind and version
	 */
	public record Stored<T>(Scan scan, @Nullable T document) {
	}

	/**
	 * The analysis of a cluster's latest landed scan.
	 * @param clusterId the cluster's id
	 * @param kind the document kind, e.g. {@code sizing}
	 * @param version the version the caller reads
	 * @param type the document's type
	 * @param <T> the document's type
	 * @return empty when no scan of the cluster has landed yet
	 */
	public <T> Optional<Stored<T>> latest(long clusterId, String kind, int version, Class<T> type) {
		return this.store.latestLanded(clusterId, null).map((scan) -> new Stored<>(scan, read(scan.id(), kind, version, type)));
	}

	/**
	 * The analysis of a cluster's latest landed scan, when that scan holds one.
	 * @param clusterId the cluster's id
	 * @param kind the document kind
	 * @param version the version the caller reads
	 * @param type the document's type
	 * @param <T> the document's type
	 * @return empty when no scan has landed or the latest holds no such document
	 */
	public <T> Optional<Landed<T>> latestDocument(long clusterId, String kind, int version, Class<T> type) {
		return latest(clusterId, kind, version, type).flatMap((stored) -> Optional.ofNullable(stored.document())
			.map((document) -> new Landed<>(stored.scan(), document)));
	}

	/**
	 * The analysis of one scan.
	 * @param scan the scan
	 * @param kind the document kind
	 * @param version the version the caller reads
	 * @param type the document's type
	 * @param <T> the document's type
	 * @return the scan with its document, or without one
	 */
	public <T> Stored<T> of(Scan scan, String kind, int version, Class<T> type) {
		return new Stored<>(scan, read(scan.id(), kind, version, type));
	}

	/**
	 * One value of every document of a kind a cluster's landed scans stored since a moment, oldest
	 * first: the series a forecast reads without loading whole documents.
	 * @param clusterId the cluster's id
	 * @param kind the document kind
	 * @param version the version whose field is read
	 * @param path the path of a number in the document, e.g. {@code {"totals","nodes"}}
	 * @param since the first moment
	 * @return the values with the time their snapshot was taken (the scan's start)
	 */
	public List<Value> series(long clusterId, String kind, int version, List<String> path, Instant since) {
		return this.jdbc.sql("""
				SELECT s.id, s.started_at, CAST(a.document #>> CAST(? AS text[]) AS double precision) AS value
				  FROM scan s JOIN scan_analysis a ON a.scan_id = s.id AND a.kind = ? AND a.version = ?
				 WHERE s.cluster_id = ? AND s.state IN ('OK', 'PARTIAL') AND s.started_at >= ?
				 ORDER BY s.started_at
				""")
			.params("{" + String.join(",", path) + "}", kind, version, clusterId, Timestamp.from(since))
			.query((rs, row) -> new Value(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					(rs.getObject(3) != null) ? rs.getDouble(3) : null))
			.list();
	}

	/**
	 * One value of a stored document.
	 *
	 * @param scanId the scan
	 * @param at when its snapshot was taken
	 * @param value the number, {@code null} when the document has none there
	 */
	public record Value(long scanId, Instant at, @Nullable Double value) {
	}

	private <T> @Nullable T read(long scanId, String kind, int version, Class<T> type) {
		return this.jdbc.sql("SELECT CAST(document AS text) FROM scan_analysis WHERE scan_id = ? AND kind = ? AND version = ?")
			.params(scanId, kind, version)
			.query(String.class)
			.optional()
			.map((json) -> JSON.readValue(json, type))
			.orElse(null);
	}

}
