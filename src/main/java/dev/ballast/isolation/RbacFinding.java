package dev.ballast.isolation;

import java.util.List;

/**
 * A risky right a subject holds through one binding.
 *
 * @param risk the risk's id (see {@link RbacRisks})
 * @param severity {@code danger} or {@code warning}
 * @param subject the subject's reference ({@link RbacSubject#ref()})
 * @param system the subject is one of Kubernetes' own components
 * @param scope where: {@code ""} cluster-wide, else the namespace
 * @param binding the binding that grants it
 * @param role the role that holds the rule
 * @param resourceNames the objects the right is limited to (empty: all)
 */
public record RbacFinding(String risk, String severity, String subject, boolean system, String scope,
		String binding, String role, List<String> resourceNames) {
}
