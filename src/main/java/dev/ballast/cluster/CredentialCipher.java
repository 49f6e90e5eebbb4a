package dev.ballast.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts cluster credentials at rest with AES-256-GCM (a fresh IV per value) under the key
 * from {@code ballast.cluster.credentials-key}.
 */
@Component
class CredentialCipher {

	/** The stored shape of a credential, whatever its kind. */
	record Stored(String kind, @Nullable String content, @Nullable String context, @Nullable String server,
			@Nullable String token, @Nullable String caPem) {
	}

	private final @Nullable BytesEncryptor encryptor;

	private final JsonMapper json = JsonMapper.builder().build();

	CredentialCipher(ClusterSettings settings) {
		this.encryptor = (settings.credentialsKey() == null || settings.credentialsKey().isBlank()) ? null
				: new AesBytesEncryptor(key(settings.credentialsKey()), KeyGenerators.secureRandom(12),
						AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	boolean hasKey() {
		return this.encryptor != null;
	}

	byte[] encrypt(ClusterCredential credential) {
		Stored stored;
		if (credential instanceof ClusterCredential.Kubeconfig k) {
			stored = new Stored("kubeconfig", k.content(), k.context(), null, null, null);
		}
		else if (credential instanceof ClusterCredential.Token t) {
			stored = new Stored("token", null, null, t.server(), t.token(), t.caPem());
		}
		else {
			stored = new Stored("in-cluster", null, null, null, null, null);
		}
		return requireKey().encrypt(this.json.writeValueAsString(stored).getBytes(StandardCharsets.UTF_8));
	}

	ClusterCredential decrypt(byte[] ciphertext) {
		byte[] plain;
		try {
			plain = requireKey().decrypt(ciphertext);
		}
		catch (IllegalStateException ex) {
			throw new CredentialKeyException(
					"A stored cluster credential cannot be decrypted with the configured ballast.cluster.credentials-key. "
							+ "Was the key changed? Restore the previous key, or register the cluster's credential again.");
		}
		Stored stored = this.json.readValue(plain, Stored.class);
		return switch (stored.kind()) {
			case "kubeconfig" -> new ClusterCredential.Kubeconfig(String.valueOf(stored.content()), stored.context());
			case "token" -> new ClusterCredential.Token(String.valueOf(stored.server()), String.valueOf(stored.token()),
					stored.caPem());
			default -> new ClusterCredential.InCluster();
		};
	}

	/** Encrypts any secret text under the same key; see {@link Secrets}. */
	byte[] encryptText(String plain) {
		return requireKey().encrypt(plain.getBytes(StandardCharsets.UTF_8));
	}

	String decryptText(byte[] ciphertext) {
		try {
			return new String(requireKey().decrypt(ciphertext), StandardCharsets.UTF_8);
		}
		catch (IllegalStateException ex) {
			throw new CredentialKeyException(
					"A stored secret cannot be decrypted with the configured ballast.cluster.credentials-key. "
							+ "Was the key changed? Restore the previous key, or enter the secret again.");
		}
	}

	private BytesEncryptor requireKey() {
		if (this.encryptor == null) {
			throw new CredentialKeyException(CredentialKeyException.MISSING);
		}
		return this.encryptor;
	}

	private static SecretKey key(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new CredentialKeyException(CredentialKeyException.MALFORMED);
		}
		if (bytes.length != 32) {
			throw new CredentialKeyException(CredentialKeyException.MALFORMED);
		}
		return new SecretKeySpec(bytes, "AES");
	}

}
