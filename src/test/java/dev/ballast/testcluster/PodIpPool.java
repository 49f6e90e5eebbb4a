package dev.ballast.testcluster;

import java.util.HashSet;
import java.util.Set;

/**
 * Pod IPs of one node, handed out in order from its podCIDR (IPv4), skipping the network
 * address, the first host address (the bridge, as with kubenet/cni0) and the broadcast address.
 */
final class PodIpPool {

	private final String cidr;

	private final long first;

	private final long last;

	private final Set<Long> used = new HashSet<>();

	private long next;

	PodIpPool(String cidr) {
		this.cidr = cidr;
		int slash = cidr.indexOf('/');
		int bits = Integer.parseInt(cidr.substring(slash + 1));
		long size = 1L << (32 - bits);
		long network = toLong(cidr.substring(0, slash)) & ~(size - 1) & 0xFFFFFFFFL;
		this.first = network + 2;
		this.last = network + size - 2;
		this.next = this.first;
	}

	synchronized void markUsed(String ip) {
		this.used.add(toLong(ip));
	}

	synchronized String allocate() {
		for (long candidate = this.next; candidate <= this.last; candidate++) {
			if (this.used.add(candidate)) {
				this.next = candidate + 1;
				return toIp(candidate);
			}
		}
		throw new IllegalStateException("no pod IP left in " + this.cidr);
	}

	static boolean contains(String cidr, String ip) {
		int slash = cidr.indexOf('/');
		long mask = (0xFFFFFFFFL << (32 - Integer.parseInt(cidr.substring(slash + 1)))) & 0xFFFFFFFFL;
		return (toLong(ip) & mask) == (toLong(cidr.substring(0, slash)) & mask);
	}

	private static long toLong(String ip) {
		String[] parts = ip.split("\\.");
		if (parts.length != 4) {
			throw new IllegalArgumentException("not an IPv4 address: " + ip);
		}
		long value = 0;
		for (String part : parts) {
			value = (value << 8) | Integer.parseInt(part);
		}
		return value;
	}

	private static String toIp(long value) {
		return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
	}

}
