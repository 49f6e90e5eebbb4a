/**
 * Registered clusters: what Ballast watches and where each cluster's objects come from — the
 * bundled demo manifests, manifest files, or a live API server reached with an encrypted
 * read-only credential (kubeconfig context, URL + token + CA, or the in-cluster service account).
 * Owns the client factory ({@link dev.ballast.cluster.ClusterClients}), the connection test and
 * the read-only self-check (SelfSubjectAccessReview per dangerous permission), which
 * {@link dev.ballast.cluster.ClusterRegistry#retest} runs again before every scan. Exposes
 * {@link dev.ballast.cluster.Clusters} to other modules.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.ballast.cluster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
