package dev.ballast.isolation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.ballast.isolation.RbacRisks.Request;
import dev.ballast.isolation.RbacRisks.Risk;

/**
 * The risky rights of one subject, binding by binding.
 */
final class RbacFindings {

	private static final Set<String> DELETE = Set.of("delete", "deletecollection", "*");

	private RbacFindings() {
	}

	static List<RbacFinding> of(RbacSubject subject, Map<String, RbacRole> roles, RbacAccounts accounts) {
		List<RbacFinding> findings = new ArrayList<>();
		for (RbacGrant grant : subject.grants()) {
			RbacRole role = roles.get(grant.role());
			if (grant.roleMissing() || role == null) {
				continue;
			}
			for (Risk risk : RbacRisks.ALL) {
				if (!risk.counts(grant.scope())) {
					continue;
				}
				List<String> names = holds(risk, role.rules());
				if (names != null) {
					findings.add(finding(risk.id(), subject, grant, names));
				}
			}
			if (accounts.isCicd(subject) && role.rules().stream().anyMatch(RbacFindings::deletes)) {
				findings.add(finding(RbacRisks.CICD_DELETE, subject, grant, List.of()));
			}
			if (accounts.isImagePull(subject) && role.rules().stream().anyMatch((rule) -> !pullOnly(rule))) {
				findings.add(finding(RbacRisks.IMAGE_PULL_EXCESS, subject, grant, List.of()));
			}
		}
		return findings;
	}

	/**
	 * Whether the rules allow a risk's requests (any, or all for an all-of risk), and on which
	 * objects.
	 * @return {@code null} when they do not; else the names the matching rules are limited to,
	 * empty when one of them is not limited
	 */
	private static @Nullable List<String> holds(Risk risk, List<RbacRule> rules) {
		Set<String> names = new LinkedHashSet<>();
		boolean unlimited = false;
		int allowed = 0;
		for (Request request : risk.requests()) {
			boolean any = false;
			for (RbacRule rule : rules) {
				if (rule.allowsAnyName(request.verb(), request.group(), request.resource(), request.subresource())) {
					any = true;
					unlimited |= rule.resourceNames().isEmpty();
					names.addAll(rule.resourceNames());
				}
			}
			allowed += any ? 1 : 0;
		}
		boolean holds = risk.allOf() ? allowed == risk.requests().size() : allowed > 0;
		if (!holds) {
			return null;
		}
		return unlimited ? List.of() : List.copyOf(names);
	}

	/** A rule that deletes something: a delete verb on any resource. */
	private static boolean deletes(RbacRule rule) {
		return rule.nonResourceURLs().isEmpty() && rule.verbs().stream().anyMatch(DELETE::contains);
	}

	/** The most an image-pull account needs: get on Secrets (the pull secret), nothing else. */
	private static boolean pullOnly(RbacRule rule) {
		return rule.verbs().equals(List.of("get")) && rule.apiGroups().equals(List.of(""))
				&& rule.resources().equals(List.of("secrets"));
	}

	private static RbacFinding finding(String risk, RbacSubject subject, RbacGrant grant, List<String> names) {
		return new RbacFinding(risk, RbacRisks.severity(risk), subject.ref(), subject.system(), grant.scope(),
				grant.binding(), grant.role(), names);
	}

}
