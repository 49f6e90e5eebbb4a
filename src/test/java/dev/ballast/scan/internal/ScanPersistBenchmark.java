package dev.ballast.scan.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ballast.checks.CheckConfiguration;
import dev.ballast.checks.CheckEngine;
import dev.ballast.checks.CheckReport;
import dev.ballast.checks.Finding;
import dev.ballast.checks.Subject;
import dev.ballast.checks.bench.CheckEngineBenchmark;
import dev.ballast.scan.ScanTrigger;
import dev.ballast.snapshot.ClusterSnapshot;

/**
 * How fast a big scan lands in PostgreSQL: the check report of the synthetic 150,000-pod cluster
 * of the check-engine benchmark (15,000 Deployments, 5,000 nodes) stored by {@link HistoryWriter}
 * on the embedded PostgreSQL the application uses (same version and server settings, schema by
 * the application's Flyway migrations), in a Spring transaction as a scan stores it. Per run:
 * the findings alone (their COPY, rolled back), the whole store (subjects, findings, rollups,
 * scores, analysis, the scan's outcome; committed) and the floor: a COPY of as many rows of fixed
 * text, of the findings' average length, into an empty table of the same shape ({@code LIKE
 * scan_finding INCLUDING ALL}: the same columns and primary key). The findings alone go to a
 * second scan, so the stored scan never meets their dead rows. One warm-up run, then RUNS
 * timed runs; prints the medians. In the test sources so it can reach the writer's package; run
 * with {@code bench/scan-persist/run.sh [DEPLOYMENTS PODS_PER_DEPLOYMENT RUNS]}.
 */
public final class ScanPersistBenchmark {

	private ScanPersistBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int deployments = (args.length > 0) ? Integer.parseInt(args[0]) : 15_000;
		int podsPer = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		ClusterSnapshot snapshot = CheckEngineBenchmark.snapshot(deployments, podsPer);
		CheckReport report = CheckEngine.standard().run(snapshot, CheckConfiguration.defaults());
		Map<String, AnalysisDocument> analyses = new LinkedHashMap<>();
		analyses.put(SnapshotSummary.KIND, SnapshotSummary.of(snapshot));
		int findings = report.findings().size();
		System.out.printf(Locale.ROOT, "snapshot: %d nodes, %d namespaces, %d workloads, %d pods; %d findings, "
				+ "%d check results, %d workload and %d namespace scores%n", snapshot.nodes().size(),
				snapshot.namespaces().size(), snapshot.workloads().size(), snapshot.pods().size(), findings,
				report.results().size(), report.workloads().size(), report.namespaces().size());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "50")
			.start(); HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			JdbcClient jdbc = JdbcClient.create(dataSource);
			System.out.println("PostgreSQL " + jdbc.sql("SHOW server_version").query(String.class).single()
					+ ", synchronous_commit " + jdbc.sql("SHOW synchronous_commit").query(String.class).single());
			long clusterId = jdbc.sql("""
					INSERT INTO cluster (name, display_name, source, created_at, created_by)
					VALUES ('bench', 'bench', 'MANIFESTS', now(), 'bench') RETURNING id
					""").query(Long.class).single();
			jdbc.sql("CREATE TABLE scan_finding_floor (LIKE scan_finding INCLUDING ALL)").update();
			byte[] floorRow = floorRow(report);
			try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
				context.registerBean(DataSource.class, () -> dataSource);
				context.register(Writing.class);
				context.refresh();
				HistoryWriter writer = context.getBean(HistoryWriter.class);
				ScanStore scans = context.getBean(ScanStore.class);
				TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
				List<double[]> results = new ArrayList<>();
				for (int run = 0; run <= runs; run++) {
					double[] seconds = new double[3];
					long scanId = scans.insertRunning(clusterId, ScanTrigger.API, "bench", "bench", Instant.now());
					long started = System.nanoTime();
					writer.store(scanId, clusterId, "bench", snapshot, report, analyses, 0);
					seconds[1] = (System.nanoTime() - started) / 1e9;
					long otherId = scans.insertRunning(clusterId, ScanTrigger.API, "bench", "bench", Instant.now());
					long looking = System.nanoTime();
					Map<Subject, Integer> subjects = writer.subjects(clusterId, report);
					double lookup = (System.nanoTime() - looking) / 1e9;
					seconds[0] = rolledBack(transaction, () -> writer.writeFindings(otherId, report.findings(), subjects));
					FactStore facts = context.getBean(FactStore.class);
					double factSeconds = rolledBack(transaction, () -> facts.write(otherId, snapshot, subjects));
					System.out.printf(Locale.ROOT, "workload and namespace facts alone: %.2f s (%d workloads)%n",
							factSeconds, snapshot.workloads().size());
					scans.fail(otherId, "findings alone, rolled back", Instant.now());
					jdbc.sql("TRUNCATE scan_finding_floor").update();
					seconds[2] = rolledBack(transaction, () -> floor(dataSource, floorRow, findings));
					long rows = jdbc.sql("""
							SELECT (SELECT count(*) FROM scan_finding WHERE scan_id = :id)
							  + (SELECT count(*) FROM scan_check_rollup WHERE scan_id = :id)
							  + (SELECT count(*) FROM scan_check_result WHERE scan_id = :id)
							  + (SELECT count(*) FROM scan_namespace_score WHERE scan_id = :id)
							  + (SELECT count(*) FROM scan_workload_score WHERE scan_id = :id)
							  + (SELECT count(*) FROM scan_analysis WHERE scan_id = :id)
							  + (SELECT count(*) FROM scan_workload_fact WHERE scan_id = :id)
							  + (SELECT count(*) FROM scan_namespace_fact WHERE scan_id = :id)
							""").param("id", scanId).query(Long.class).single();
					System.out.printf(Locale.ROOT, "%s: subject ids %.2f s; findings %.2f s (%.0f rows/s); whole store %.2f s (%d rows, "
							+ "%.0f rows/s, %.0f findings/s); floor %.2f s (%.0f rows/s); findings / floor %.2f%n",
							(run == 0) ? "warm-up" : "run " + run, lookup, seconds[0], findings / seconds[0], seconds[1], rows,
							rows / seconds[1], findings / seconds[1], seconds[2], findings / seconds[2],
							seconds[0] / seconds[2]);
					if (run > 0) {
						results.add(seconds);
					}
				}
				double findingsTime = median(results, 0);
				double storeTime = median(results, 1);
				double floorTime = median(results, 2);
				System.out.printf(Locale.ROOT, "median of %d: findings %.0f rows/s, whole store %.0f findings/s "
						+ "(%.2f s), floor %.0f rows/s; findings / floor %.2f, whole store / floor %.2f (time)%n",
						results.size(), findings / findingsTime, findings / storeTime, storeTime, findings / floorTime,
						findingsTime / floorTime, storeTime / floorTime);
				System.out.println("sizes after the runs: " + jdbc.sql("""
						SELECT string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)), ', '
						  ORDER BY relname) FROM pg_class WHERE relname IN ('scan_finding', 'scan_finding_floor',
						  'scan_workload_score', 'scan_subject')
						""").query(String.class).single());
			}
		}
	}

	/**
	 * One row of fixed text as long as the average finding's row in COPY text (apart from scan id
	 * and seq, which the floor fills in).
	 */
	private static byte[] floorRow(CheckReport report) {
		long chars = 0;
		for (Finding finding : report.findings()) {
			chars += 6 + finding.checkId().length() + 1 + String.valueOf(finding.container()).length()
					+ finding.path().length() + finding.actual().length() + 4 + 8;
		}
		int average = (int) (chars / Math.max(1, report.findings().size()));
		String head = "\t12345\tfixed-check\t1\tapp\t";
		String tail = "\t\\N\t\\N\n";
		String text = "x".repeat(Math.max(2, average - head.length() - tail.length() - 1));
		return (head + text.substring(0, text.length() / 2) + "\t" + text.substring(text.length() / 2) + tail)
			.getBytes(StandardCharsets.UTF_8);
	}

	/** COPY of {@code rows} rows of fixed text, as {@link Copy} sends them: in chunks of 256 KiB. */
	private static void floor(DataSource dataSource, byte[] row, int rows) {
		try {
			Connection connection = DataSourceUtils.getConnection(dataSource);
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY scan_finding_floor "
					+ "(scan_id, seq, subject_id, check_id, severity, container, path, actual, exempt_source, "
					+ "exempt_reason) FROM STDIN");
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 * 1024 + 4096);
			byte[] scan = "1\t".getBytes(StandardCharsets.US_ASCII);
			for (int seq = 0; seq < rows; seq++) {
				buffer.write(scan, 0, scan.length);
				byte[] number = Integer.toString(seq).getBytes(StandardCharsets.US_ASCII);
				buffer.write(number, 0, number.length);
				buffer.write(row, 0, row.length);
				if (buffer.size() >= 256 * 1024) {
					copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
					buffer.reset();
				}
			}
			copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
			copy.endCopy();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private interface Work {

		void run() throws Exception;

	}

	/** Seconds the work took in a transaction that is then rolled back. */
	private static double rolledBack(TransactionTemplate transaction, Work work) {
		long[] nanos = new long[1];
		transaction.executeWithoutResult((status) -> {
			long started = System.nanoTime();
			try {
				work.run();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			nanos[0] = System.nanoTime() - started;
			status.setRollbackOnly();
		});
		return nanos[0] / 1e9;
	}

	private static double median(List<double[]> results, int column) {
		double[] values = results.stream().mapToDouble((seconds) -> seconds[column]).sorted().toArray();
		return values[values.length / 2];
	}

	/** The writer and its store with transactions; not a {@code @Configuration}, so no scan finds it. */
	@EnableTransactionManagement
	@Import({ HistoryWriter.class, ScanStore.class, FactStore.class })
	static class Writing {

		@Bean
		JdbcClient jdbcClient(DataSource dataSource) {
			return JdbcClient.create(dataSource);
		}

		@Bean
		DataSourceTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

	}

}
