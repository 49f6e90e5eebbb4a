package dev.ballast.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

	Optional<ApiToken> findByIdAndUserId(long id, long userId);

	/**
	 * Records a use of a token, at most once per {@code notBefore} interval so that a busy script
	 * does not write on every request.
	 * @return 1 if the time was updated
	 */
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id "
			+ "and (t.lastUsedAt is null or t.lastUsedAt < :notBefore)")
	int recordUse(long id, Instant now, Instant notBefore);

}
