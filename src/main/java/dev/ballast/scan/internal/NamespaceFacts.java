package dev.ballast.scan.internal;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a scan saw of one namespace's posture: stored as one small JSON document per namespace and
 * scan ({@code scan_namespace_fact}) for the namespace page.
 *
 * @param labels the namespace's labels (empty when the Namespace object was not seen)
 * @param phase {@code Active} or {@code Terminating}, if known
 * @param workloads workloads in it
 * @param pods pods in it
 * @param limitRanges LimitRange objects in it
 * @param quotas its ResourceQuotas and what each limits
 * @param networkPolicies NetworkPolicy objects in it
 * @param defaultDenyIngress whether a policy selects every pod for Ingress and allows nothing
 * @param defaultDenyEgress whether a policy selects every pod for Egress and allows nothing
 * @param unknown kinds the snapshot could not read ({@code LimitRange}, {@code ResourceQuota},
 * {@code NetworkPolicy}): what depends on them is unknown, not absent
 */
public record NamespaceFacts(Map<String, String> labels, @Nullable String phase, int workloads, int pods,
		int limitRanges, List<Quota> quotas, int networkPolicies, boolean defaultDenyIngress, boolean defaultDenyEgress,
		List<String> unknown) {

	/** The label prefix of Pod Security admission: {@code enforce}, {@code audit} and {@code warn} follow. */
	public static final String POD_SECURITY = "pod-security.kubernetes.io/";

	/**
	 * The Pod Security admission level of a mode.
	 * @param mode {@code enforce}, {@code audit} or {@code warn}
	 * @return {@code privileged}, {@code baseline}, {@code restricted}, or {@code null} when unset
	 */
	public @Nullable String podSecurity(String mode) {
		return this.labels.get(POD_SECURITY + mode);
	}

	/**
	 * Whether a kind could not be read, so that a posture item depending on it is unknown.
	 * @param kind e.g. {@code NetworkPolicy}
	 * @return {@code true} if unknown
	 */
	public boolean unknown(String kind) {
		return this.unknown.contains(kind);
	}

	/**
	 * A ResourceQuota.
	 *
	 * @param name its name
	 * @param limits what it limits, e.g. {@code requests.cpu=4}
	 */
	public record Quota(String name, List<String> limits) {
	}

}
