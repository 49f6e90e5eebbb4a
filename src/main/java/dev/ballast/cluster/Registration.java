package dev.ballast.cluster;

import org.jspecify.annotations.Nullable;

/**
 * A request to register a live cluster.
 *
 * @param name DNS label used in URLs, unique
 * @param displayName what people call it
 * @param credential how to reach it
 * @param overrideReason when the credential can do more than read: why an administrator accepts
 * that anyway; null refuses such a credential
 */
public record Registration(String name, String displayName, ClusterCredential credential,
		@Nullable String overrideReason) {
}
