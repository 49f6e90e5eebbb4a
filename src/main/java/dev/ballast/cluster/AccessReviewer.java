package dev.ballast.cluster;

/**
 * Asks an API server whether the current credential has a permission (a
 * SelfSubjectAccessReview: authoritative, unlike SelfSubjectRulesReview, which webhook
 * authorizers such as EKS or GKE IAM leave incomplete).
 */
@FunctionalInterface
interface AccessReviewer {

	boolean allowed(Permission permission) throws ClusterAccessException;

}
