package dev.ballast.security;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface AuditEventRepository extends ListCrudRepository<AuditEvent, Long> {

	Page<AuditEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);

}
