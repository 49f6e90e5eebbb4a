package dev.ballast.cluster;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The last connection test of a cluster, as stored. Permission lists are kept as lines of
 * {@link Permission#describe()}.
 */
@Embeddable
public record LastCheck(@Column(name = "checked_at") @Nullable Instant checkedAt,
		@Enumerated(EnumType.STRING) @Column(name = "check_outcome") @Nullable CheckOutcome outcome,
		@Column(name = "check_message") @Nullable String message,
		@Column(name = "server_version") @Nullable String serverVersion,
		@Column(name = "node_count") @Nullable Integer nodeCount, @Column(name = "latency_ms") @Nullable Integer latencyMs,
		@Column(name = "dangerous_permissions") @Nullable String dangerous,
		@Column(name = "unreadable_permissions") @Nullable String unreadable) {

	static LastCheck of(ConnectionReport report) {
		ReadOnlyVerdict verdict = report.verdict();
		return new LastCheck(verdict.checkedAt(), verdict.readOnly() ? CheckOutcome.READ_ONLY : CheckOutcome.WRITE_CAPABLE,
				null, report.serverVersion(), report.nodes(), (int) report.latency().toMillis(), lines(verdict.dangerous()),
				lines(verdict.unreadable()));
	}

	static LastCheck failed(Instant at, ClusterAccessException failure) {
		return new LastCheck(at, CheckOutcome.of(failure.reason()), truncate(failure.getMessage()), null, null, null, null,
				null);
	}

	public List<String> dangerousList() {
		return split(this.dangerous);
	}

	public List<String> unreadableList() {
		return split(this.unreadable);
	}

	private static String lines(List<Permission> permissions) {
		return String.join("\n", permissions.stream().map(Permission::describe).toList());
	}

	private static List<String> split(@Nullable String lines) {
		return (lines == null || lines.isEmpty()) ? List.of() : List.of(lines.split("\n"));
	}

	private static @Nullable String truncate(@Nullable String message) {
		return (message == null || message.length() <= 2000) ? message : message.substring(0, 1997) + "...";
	}

}
