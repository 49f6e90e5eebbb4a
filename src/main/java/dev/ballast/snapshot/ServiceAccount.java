package dev.ballast.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * A ServiceAccount: its name and whether its token is mounted by default, nothing else (no
 * token Secrets).
 *
 * @param namespace the namespace
 * @param name the name
 * @param automountServiceAccountToken as written ({@code null}: Kubernetes mounts the token)
 */
public record ServiceAccount(String namespace, String name, @Nullable Boolean automountServiceAccountToken) {
}
