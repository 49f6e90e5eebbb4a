package dev.ballast.cluster;

import java.time.Instant;
import java.util.List;

/**
 * What the read-only self-check found for a credential.
 *
 * @param dangerous permissions the credential has and Ballast must not have (writes, Secrets,
 * exec/attach/port-forward, node proxy, impersonation, escalate/bind, token creation); empty
 * for a read-only credential
 * @param unreadable what Ballast reads but this credential may not list: each becomes a known
 * gap in every snapshot
 * @param reviews how many access reviews the server answered
 * @param checkedAt when the check ran
 */
public record ReadOnlyVerdict(List<Permission> dangerous, List<Permission> unreadable, int reviews,
		Instant checkedAt) {

	public ReadOnlyVerdict {
		dangerous = List.copyOf(dangerous);
		unreadable = List.copyOf(unreadable);
	}

	public boolean readOnly() {
		return this.dangerous.isEmpty();
	}

}
