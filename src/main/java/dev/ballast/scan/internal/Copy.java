package dev.ballast.scan.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes rows with PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the connection of the
 * current transaction: many times faster than inserts for the thousands of findings of a scan.
 * Not thread-safe; one per table and transaction.
 */
final class Copy implements AutoCloseable {

	private static final int CHUNK = 256 * 1024;

	private final CopyIn copy;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 4096);

	private final StringBuilder line = new StringBuilder(256);

	private long rows;

	private Copy(CopyIn copy) {
		this.copy = copy;
	}

	/**
	 * Starts copying into a table.
	 * @param dataSource the data source of the current transaction
	 * @param table the table and its columns, e.g. {@code scan_finding (scan_id, seq)}
	 */
	static Copy into(DataSource dataSource, String table) throws SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		PGConnection pg = connection.unwrap(PGConnection.class);
		return new Copy(pg.getCopyAPI().copyIn("COPY " + table + " FROM STDIN"));
	}

	/** Adds one row; values are written with {@code toString()}, {@code null} as NULL. */
	void row(@Nullable Object... values) throws SQLException {
		this.line.setLength(0);
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.line.append('\t');
			}
			append(values[i]);
		}
		this.line.append('\n');
		byte[] bytes = this.line.toString().getBytes(StandardCharsets.UTF_8);
		this.buffer.write(bytes, 0, bytes.length);
		this.rows++;
		if (this.buffer.size() >= CHUNK) {
			flush();
		}
	}

	private void append(@Nullable Object value) {
		if (value == null) {
			this.line.append("\\N");
			return;
		}
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.line.append("\\\\");
				case '\t' -> this.line.append("\\t");
				case '\n' -> this.line.append("\\n");
				case '\r' -> this.line.append("\\r");
				case '\0' -> this.line.append(' ');
				default -> this.line.append(c);
			}
		}
	}

	private void flush() throws SQLException {
		if (this.buffer.size() > 0) {
			this.copy.writeToCopy(this.buffer.toByteArray(), 0, this.buffer.size());
			this.buffer.reset();
		}
	}

	/** Finishes the copy. */
	long finish() throws SQLException {
		flush();
		this.copy.endCopy();
		return this.rows;
	}

	@Override
	public void close() throws SQLException {
		if (this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

}
