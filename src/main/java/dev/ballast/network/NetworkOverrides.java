package dev.ballast.network;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.ballast.network.NetworkReport.Mode;

/**
 * What an administrator states about a cluster's network where discovery guessed or was wrong.
 * Each field left {@code null} keeps the discovered value.
 *
 * @param podCidrs the cluster (pod) CIDR, one per family, comma-separated for dual-stack
 * @param serviceCidrs the service CIDR, one per family, comma-separated for dual-stack
 * @param nodeMask the prefix length of each node's block in the first family
 * @param maxPods the pods a node may run, replacing each node's allocatable {@code pods}
 * @param mode the network mode
 */
public record NetworkOverrides(@Nullable String podCidrs, @Nullable String serviceCidrs, @Nullable Integer nodeMask,
		@Nullable Integer maxPods, @Nullable Mode mode) {

	/** No override. */
	public static final NetworkOverrides NONE = new NetworkOverrides(null, null, null, null, null);

	/** The largest {@code maxPods} accepted. */
	public static final int MAX_PODS_LIMIT = 2048;

	/**
	 * Whether nothing is overridden.
	 * @return {@code true} if every field is {@code null}
	 */
	public boolean isEmpty() {
		return this.podCidrs == null && this.serviceCidrs == null && this.nodeMask == null && this.maxPods == null
				&& this.mode == null;
	}

	/**
	 * Parses a comma-separated list of CIDRs, at most one per family.
	 * @param text the text
	 * @return the blocks, IPv4 first
	 * @throws IllegalArgumentException when one is invalid or a family repeats
	 */
	public static List<Cidr> parseList(String text) {
		List<Cidr> blocks = new ArrayList<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			Cidr cidr = Cidr.parse(part);
			for (Cidr other : blocks) {
				if (other.v6() == cidr.v6()) {
					throw new IllegalArgumentException("one CIDR per family: " + other + " and " + cidr);
				}
			}
			blocks.add(cidr);
		}
		if (blocks.isEmpty()) {
			throw new IllegalArgumentException("no CIDR");
		}
		blocks.sort(null);
		return blocks;
	}

	/**
	 * What is wrong with these overrides, field by field: invalid CIDRs, a service range that
	 * overlaps the pod range without lying inside it (only a carved range, as TKE GlobalRouter
	 * makes, may share it), a node mask shorter than the pod range or longer than an address,
	 * a pod limit out of range.
	 * @return the problems, empty when the overrides can be applied
	 */
	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		List<Cidr> pods = parse("podCidrs", this.podCidrs, problems);
		List<Cidr> services = parse("serviceCidrs", this.serviceCidrs, problems);
		for (Cidr pod : pods) {
			for (Cidr service : services) {
				if (pod.overlaps(service) && !pod.contains(service) || pod.equals(service)) {
					problems.add(new Problem("serviceCidrs", "overlap", service + " / " + pod));
				}
			}
		}
		if (this.nodeMask != null) {
			int bits = (!pods.isEmpty() && pods.get(0).v6()) ? 128 : 32;
			int shortest = pods.isEmpty() ? 1 : pods.get(0).prefix();
			if (this.nodeMask < shortest || this.nodeMask > bits) {
				problems.add(new Problem("nodeMask", "range", shortest + "–" + bits));
			}
		}
		if (this.maxPods != null && (this.maxPods < 1 || this.maxPods > MAX_PODS_LIMIT)) {
			problems.add(new Problem("maxPods", "range", "1–" + MAX_PODS_LIMIT));
		}
		return problems;
	}

	private static List<Cidr> parse(String field, @Nullable String text, List<Problem> problems) {
		if (text == null) {
			return List.of();
		}
		try {
			return parseList(text);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(field, "cidr", String.valueOf(ex.getMessage())));
			return List.of();
		}
	}

	/**
	 * A problem with one field.
	 *
	 * @param field the field
	 * @param code {@code cidr}, {@code overlap} or {@code range}: the message key
	 * {@code network.overrides.error.<code>}
	 * @param detail what was wrong, e.g. the parser's message or the allowed range
	 */
	public record Problem(String field, String code, String detail) {
	}

}
