package dev.ballast.cluster;

import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Encrypts other secrets at rest (e.g. the SMTP password of the reports) with the key that
 * protects cluster credentials ({@code ballast.cluster.credentials-key}, AES-256-GCM, a fresh IV
 * per value). Values are base64 text, fit for a text column.
 */
@Component
public class Secrets {

	private final CredentialCipher cipher;

	Secrets(CredentialCipher cipher) {
		this.cipher = cipher;
	}

	/** Whether a key is configured, so {@link #encrypt} can work. */
	public boolean available() {
		return this.cipher.hasKey();
	}

	/**
	 * @throws CredentialKeyException when no key is configured
	 */
	public String encrypt(String plain) {
		return Base64.getEncoder().encodeToString(this.cipher.encryptText(plain));
	}

	/**
	 * @throws CredentialKeyException when no key is configured or it is not the one that encrypted
	 */
	public String decrypt(String encrypted) {
		return this.cipher.decryptText(Base64.getDecoder().decode(encrypted));
	}

}
