package dev.ballast.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 CIDR block, with the arithmetic the capacity needs: size, containment,
 * overlap and the smallest block covering others. Addresses are {@link BigInteger}s so IPv6 is
 * exact.
 *
 * @param base the first address of the block (host bits zero)
 * @param prefix the prefix length
 * @param v6 whether it is IPv6
 */
public record Cidr(BigInteger base, int prefix, boolean v6) implements Comparable<Cidr> {

	/**
	 * Parses a CIDR, refusing host bits: {@code 10.244.0.1/16} is not a block.
	 * @param text e.g. {@code 10.244.0.0/16} or {@code fd00:10:244::/56}
	 * @return the block
	 * @throws IllegalArgumentException with a message naming the problem
	 */
	public static Cidr parse(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		if (slash < 0) {
			throw new IllegalArgumentException("no prefix length (expected address/length)");
		}
		String address = trimmed.substring(0, slash);
		boolean v4Text = address.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
		if (!v4Text && !(address.contains(":") && address.matches("[0-9a-fA-F:.]+"))) {
			throw new IllegalArgumentException("not an IP address: " + address);
		}
		byte[] bytes;
		try {
			bytes = InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not an IP address: " + address);
		}
		boolean v6 = address.contains(":");
		if (v6 && bytes.length == 4) {
			throw new IllegalArgumentException("IPv4-mapped addresses are not supported: " + address);
		}
		int bits = v6 ? 128 : 32;
		int prefix;
		try {
			prefix = Integer.parseInt(trimmed.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a prefix length: " + trimmed.substring(slash + 1));
		}
		if (prefix < 0 || prefix > bits) {
			throw new IllegalArgumentException("prefix length must be 0 to " + bits);
		}
		BigInteger value = new BigInteger(1, bytes);
		Cidr cidr = new Cidr(value, prefix, v6).canonical();
		if (!cidr.base.equals(value)) {
			throw new IllegalArgumentException("host bits are set; the block is " + cidr);
		}
		return cidr;
	}

	/**
	 * Parses a CIDR, or {@code null} when the text is not one.
	 * @param text the text
	 * @return the block or {@code null}
	 */
	public static @Nullable Cidr parseOrNull(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return parse(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The block of a prefix length that holds an address.
	 * @param address the address
	 * @param prefix the prefix length
	 * @param v6 whether it is IPv6
	 * @return the block
	 */
	public static Cidr of(BigInteger address, int prefix, boolean v6) {
		return new Cidr(address, prefix, v6).canonical();
	}

	/**
	 * Parses a single address as a /32 or /128.
	 * @param address the address
	 * @return the block or {@code null} when it is not an address
	 */
	public static @Nullable Cidr address(String address) {
		return parseOrNull(address + (address.contains(":") ? "/128" : "/32"));
	}

	/**
	 * The width of an address in bits.
	 * @return 32 or 128
	 */
	public int bits() {
		return this.v6 ? 128 : 32;
	}

	/**
	 * The family's name.
	 * @return {@code IPv4} or {@code IPv6}
	 */
	public String family() {
		return this.v6 ? "IPv6" : "IPv4";
	}

	/**
	 * The number of addresses: {@code 2^(bits − prefix)}.
	 * @return the size
	 */
	public BigInteger size() {
		return BigInteger.ONE.shiftLeft(bits() - this.prefix);
	}

	/**
	 * The number of blocks of a longer prefix this block splits into: {@code 2^(mask − prefix)}.
	 * @param mask the longer prefix
	 * @return the count, capped at {@link Long#MAX_VALUE}; {@code 0} when the mask is shorter
	 */
	public long blocksOf(int mask) {
		if (mask < this.prefix) {
			return 0;
		}
		return (mask - this.prefix >= 63) ? Long.MAX_VALUE : 1L << (mask - this.prefix);
	}

	/**
	 * Whether a block lies entirely inside this one.
	 * @param other the other block
	 * @return {@code true} if contained (the same family, a prefix at least as long)
	 */
	public boolean contains(Cidr other) {
		return this.v6 == other.v6 && other.prefix >= this.prefix
				&& new Cidr(other.base, this.prefix, this.v6).canonical().base.equals(this.base);
	}

	/**
	 * Whether two blocks share an address.
	 * @param other the other block
	 * @return {@code true} if one contains the other
	 */
	public boolean overlaps(Cidr other) {
		return contains(other) || other.contains(this);
	}

	/**
	 * The smallest block that covers every given block of one family.
	 * @param blocks the blocks, not empty, of one family
	 * @return the covering block
	 */
	public static Cidr covering(List<Cidr> blocks) {
		Cidr cover = blocks.get(0);
		for (Cidr block : blocks) {
			while (!cover.contains(block)) {
				cover = new Cidr(cover.base, cover.prefix - 1, cover.v6).canonical();
			}
		}
		return cover;
	}

	private Cidr canonical() {
		BigInteger hostMask = BigInteger.ONE.shiftLeft(bits() - this.prefix).subtract(BigInteger.ONE);
		return new Cidr(this.base.andNot(hostMask), this.prefix, this.v6);
	}

	@Override
	public int compareTo(Cidr other) {
		int family = Boolean.compare(this.v6, other.v6);
		return (family != 0) ? family : this.base.compareTo(other.base);
	}

	@Override
	public String toString() {
		byte[] raw = this.base.toByteArray();
		byte[] bytes = new byte[bits() / 8];
		int copy = Math.min(raw.length, bytes.length);
		System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
		try {
			String address = InetAddress.getByAddress(bytes).getHostAddress();
			return (this.v6 ? compress(address) : address) + "/" + this.prefix;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Java prints {@code fd00:10:244:0:0:0:0:0}; the usual form is {@code fd00:10:244::}. */
	private static String compress(String full) {
		String[] groups = full.split(":");
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < groups.length; i++) {
			int j = i;
			while (j < groups.length && groups[j].equals("0")) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
		}
		if (bestStart < 0) {
			return full;
		}
		String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
		String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
		return head + "::" + tail;
	}

}
