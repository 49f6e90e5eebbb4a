package dev.ballast.cluster;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when credentials are stored but no key is configured to read them: better a
 * clear message now than every scan failing later.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CredentialKeyCheck implements ApplicationRunner {

	private final CredentialCipher cipher;

	private final ClusterRepository repository;

	CredentialKeyCheck(CredentialCipher cipher, ClusterRepository repository) {
		this.cipher = cipher;
		this.repository = repository;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.cipher.hasKey() && this.repository.countByCredentialIsNotNull() > 0) {
			throw new CredentialKeyException(CredentialKeyException.MISSING);
		}
	}

}
