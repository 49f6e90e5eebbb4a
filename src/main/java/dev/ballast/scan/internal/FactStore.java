package dev.ballast.scan.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import dev.ballast.checks.Subject;
import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.Workload;

/**
 * The facts of a scan's workloads and namespaces ({@code scan_workload_fact},
 * {@code scan_namespace_fact}): written with COPY in the scan's transaction, read one row per page.
 * Retention removes them with the raw findings.
 */
@Repository
public class FactStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	FactStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Writes the facts of a snapshot, in the current transaction. */
	void write(long scanId, ClusterSnapshot snapshot, Map<Subject, Integer> subjects) throws SQLException {
		try (Copy copy = Copy.into(this.dataSource, "scan_workload_fact (scan_id, subject_id, document)")) {
			for (Map.Entry<Workload, WorkloadFacts> entry : WorkloadFactsOf.of(snapshot).entrySet()) {
				Workload workload = entry.getKey();
				Integer subject = subjects.get(new Subject(workload.kind(), workload.namespace(), workload.name()));
				if (subject != null) {
					copy.row(scanId, subject, JSON.writeValueAsString(entry.getValue()));
				}
			}
			copy.finish();
		}
		try (Copy copy = Copy.into(this.dataSource, "scan_namespace_fact (scan_id, namespace, document)")) {
			for (Map.Entry<String, NamespaceFacts> entry : NamespaceFactsOf.of(snapshot).entrySet()) {
				copy.row(scanId, entry.getKey(), JSON.writeValueAsString(entry.getValue()));
			}
			copy.finish();
		}
	}

	/**
	 * The facts of a workload in a scan.
	 * @param kind the kind, any case
	 */
	public Optional<WorkloadFacts> workload(long scanId, String namespace, String kind, String name) {
		return this.jdbc.sql("""
				SELECT f.document FROM scan_workload_fact f JOIN scan_subject sub ON sub.id = f.subject_id
				WHERE f.scan_id = ? AND sub.namespace = ? AND lower(sub.kind) = lower(?) AND sub.name = ?
				""")
			.params(scanId, namespace, kind, name)
			.query(String.class)
			.optional()
			.map((json) -> JSON.readValue(json, WorkloadFacts.class));
	}

	/** The facts of a namespace in a scan. */
	public Optional<NamespaceFacts> namespace(long scanId, String namespace) {
		return this.jdbc.sql("SELECT document FROM scan_namespace_fact WHERE scan_id = ? AND namespace = ?")
			.params(scanId, namespace)
			.query(String.class)
			.optional()
			.map((json) -> JSON.readValue(json, NamespaceFacts.class));
	}

}
