package dev.ballast.cluster;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How Ballast talks to clusters.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection to an API server
 * @param readTimeout how long one API call may take before it counts as timed out
 * @param namespaceSample how many namespaces besides {@code default} and {@code kube-system}
 * the read-only self-check asks namespace-scoped questions in
 * @param credentialsKey the key that encrypts cluster credentials at rest: 32 random bytes,
 * base64-encoded ({@code openssl rand -base64 32}); needed to register a live cluster, and
 * Ballast refuses to start without it once credentials are stored
 */
@Validated
@ConfigurationProperties("ballast.cluster")
record ClusterSettings(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
		@DefaultValue("3") @Min(0) @Max(20) int namespaceSample, @Nullable String credentialsKey) {
}
