package dev.ballast.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log. A change and its audit event are one transaction: the change
 * is recorded exactly when it happened.
 */
@Component
class AuditLog {

	static final int PAGE_SIZE = 50;

	private final AuditEventRepository events;

	AuditLog(AuditEventRepository events) {
		this.events = events;
	}

	@Transactional
	void record(AuditAction action, Actor actor, @Nullable String target, @Nullable String detail) {
		this.events.save(new AuditEvent(Instant.now(), clip(actor.name(), 100), action, clipNullable(target, 200),
				clipNullable(detail, 200), clipNullable(actor.address(), 64)));
	}

	/** One page of the log, newest first; page numbers start at 0. */
	@Transactional(readOnly = true)
	Page<AuditEvent> newestFirst(int page) {
		return this.events.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
	}

	private static @Nullable String clipNullable(@Nullable String value, int length) {
		return (value != null) ? clip(value, length) : null;
	}

	private static String clip(String value, int length) {
		return (value.length() <= length) ? value : value.substring(0, length);
	}

}
