package dev.ballast.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom checks written in the UI or the API. One is saved only when its expression compiles and
 * evaluates on its sample object.
 */
@Repository
class CustomCheckStore {

	private final JdbcClient jdbc;

	CustomCheckStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<StoredCustomCheck> all() {
		return this.jdbc.sql("SELECT * FROM custom_check ORDER BY id").query(CustomCheckStore::row).list();
	}

	@Transactional(readOnly = true)
	Optional<StoredCustomCheck> find(String id) {
		return this.jdbc.sql("SELECT * FROM custom_check WHERE id = :id")
			.param("id", id)
			.query(CustomCheckStore::row)
			.optional();
	}

	StoredCustomCheck get(String id) {
		return find(id).orElseThrow(() -> CheckRequestException.notFound("custom-check-not-found", id));
	}

	/**
	 * Tests a custom check on its sample and saves it if the test ran: new, or replacing the one
	 * with its id.
	 * @param form the custom check (validated)
	 * @param create {@code true} for a new check, whose id must be free
	 * @param by who
	 * @return the stored check
	 * @throws CheckRequestException if the expression does not compile, the sample cannot be read
	 * or evaluated, the id is taken (new) or unknown (edit)
	 */
	@Transactional
	StoredCustomCheck save(CustomCheckForm form, boolean create, String by) {
		CustomCheck check = CustomCheckTrials.check(form);
		CustomCheckTrials.Outcome outcome = CustomCheckTrials.test(form);
		if (outcome.invalid() != null) {
			throw CheckRequestException.invalidExpression(outcome.invalid());
		}
		if (!outcome.ran()) {
			throw new CheckRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "sample-not-evaluated", "sample",
					"checks.problem.sample-not-evaluated", String.valueOf(outcome.error()));
		}
		boolean exists = find(check.id()).isPresent();
		if (create && exists) {
			throw new CheckRequestException(HttpStatus.CONFLICT, "custom-check-id-taken", "id",
					"checks.problem.custom-check-id-taken", check.id());
		}
		if (!create && !exists) {
			throw CheckRequestException.notFound("custom-check-not-found", check.id());
		}
		this.jdbc.sql("INSERT INTO custom_check (id, title, category, severity, kinds, expression, message, sample,"
				+ " enabled, changed_by, changed_at) VALUES (:id, :title, :category, :severity, :kinds, :expression,"
				+ " :message, :sample, TRUE, :by, :at) ON CONFLICT (id) DO UPDATE SET title = :title,"
				+ " category = :category, severity = :severity, kinds = :kinds, expression = :expression,"
				+ " message = :message, sample = :sample, changed_by = :by, changed_at = :at")
			.param("id", check.id())
			.param("title", check.title())
			.param("category", check.category().key())
			.param("severity", check.severity().key())
			.param("kinds", String.join(",", check.kinds()))
			.param("expression", check.expression())
			.param("message", check.message())
			.param("sample", form.sample())
			.param("by", by)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		return get(check.id());
	}

	@Transactional
	void setEnabled(String id, boolean enabled, String by) {
		int updated = this.jdbc
			.sql("UPDATE custom_check SET enabled = :enabled, changed_by = :by, changed_at = :at WHERE id = :id")
			.param("enabled", enabled)
			.param("by", by)
			.param("at", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		if (updated == 0) {
			throw CheckRequestException.notFound("custom-check-not-found", id);
		}
	}

	@Transactional
	void delete(String id) {
		if (this.jdbc.sql("DELETE FROM custom_check WHERE id = :id").param("id", id).update() == 0) {
			throw CheckRequestException.notFound("custom-check-not-found", id);
		}
	}

	private static StoredCustomCheck row(ResultSet rs, int row) throws SQLException {
		Set<String> kinds = new LinkedHashSet<>();
		Arrays.stream(rs.getString("kinds").split(",")).filter((kind) -> !kind.isBlank()).forEach(kinds::add);
		return new StoredCustomCheck(rs.getString("id"), rs.getString("title"),
				Category.valueOf(rs.getString("category").toUpperCase(Locale.ROOT)),
				Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)), kinds,
				rs.getString("expression"), rs.getString("message"), rs.getString("sample"), rs.getBoolean("enabled"),
				rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
	}

	/**
	 * A stored custom check.
	 *
	 * @param id kebab-case id
	 * @param title what it checks
	 * @param category its category
	 * @param severity its severity
	 * @param kinds workload kinds; empty for all
	 * @param expression the CEL expression
	 * @param message what a finding says, or {@code null}
	 * @param sample the sample object it was tested on (YAML)
	 * @param enabled whether scans run it
	 * @param changedBy who saved it last
	 * @param changedAt when
	 */
	record StoredCustomCheck(String id, String title, Category category, Severity severity, Set<String> kinds,
			String expression, @Nullable String message, String sample, boolean enabled, String changedBy,
			Instant changedAt) {

		CustomCheck check() {
			return new CustomCheck(this.id, this.category, this.severity, this.title, this.expression, this.message,
					this.kinds);
		}

		CustomCheckForm form() {
			return new CustomCheckForm(this.id, this.title, this.category, this.severity, String.join(", ", this.kinds),
					this.expression, this.message, this.sample, null);
		}

	}

}
