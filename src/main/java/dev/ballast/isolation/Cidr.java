package dev.ballast.isolation;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 CIDR block, parsed without any name lookup.
 */
final class Cidr {

	private final BigInteger network;

	private final int bits;

	private final int prefix;

	private Cidr(BigInteger network, int bits, int prefix) {
		this.network = network;
		this.bits = bits;
		this.prefix = prefix;
	}

	/**
	 * Parses {@code address/prefix}.
	 * @param text the text
	 * @return the block, or {@code null} when it is not a valid CIDR
	 */
	static @Nullable Cidr parse(String text) {
		int slash = text.indexOf('/');
		if (slash < 0) {
			return null;
		}
		byte[] address = address(text.substring(0, slash));
		if (address == null) {
			return null;
		}
		int bits = address.length * 8;
		int prefix;
		try {
			prefix = Integer.parseInt(text.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (prefix < 0 || prefix > bits) {
			return null;
		}
		return new Cidr(mask(new BigInteger(1, address), bits, prefix), bits, prefix);
	}

	/**
	 * Whether an address lies in the block.
	 * @param ip an IPv4 or IPv6 address
	 * @return {@code true} if it does (an unparseable address or another family: {@code false})
	 */
	boolean contains(String ip) {
		byte[] address = address(ip);
		return address != null && address.length * 8 == this.bits
				&& mask(new BigInteger(1, address), this.bits, this.prefix).equals(this.network);
	}

	/**
	 * Whether another block lies inside this one.
	 * @param other the other block
	 * @return {@code true} if it does
	 */
	boolean covers(Cidr other) {
		return other.bits == this.bits && other.prefix >= this.prefix
				&& mask(other.network, this.bits, this.prefix).equals(this.network);
	}

	private static BigInteger mask(BigInteger value, int bits, int prefix) {
		return value.shiftRight(bits - prefix).shiftLeft(bits - prefix);
	}

	static byte @Nullable [] address(String text) {
		return text.contains(":") ? v6(text) : v4(text);
	}

	private static byte @Nullable [] v4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			Integer value = number(parts[i], 10, 3);
			if (value == null || value > 255) {
				return null;
			}
			bytes[i] = (byte) (int) value;
		}
		return bytes;
	}

	private static byte @Nullable [] v6(String text) {
		int gap = text.indexOf("::");
		if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
			return null;
		}
		String head = (gap >= 0) ? text.substring(0, gap) : text;
		String tail = (gap >= 0) ? text.substring(gap + 2) : "";
		int[] first = groups(head);
		int[] last = groups(tail);
		if (first == null || last == null) {
			return null;
		}
		int count = first.length + last.length;
		if ((gap < 0 && count != 8) || (gap >= 0 && count > 7)) {
			return null;
		}
		byte[] bytes = new byte[16];
		for (int i = 0; i < first.length; i++) {
			bytes[2 * i] = (byte) (first[i] >> 8);
			bytes[2 * i + 1] = (byte) first[i];
		}
		for (int i = 0; i < last.length; i++) {
			int at = 8 - last.length + i;
			bytes[2 * at] = (byte) (last[i] >> 8);
			bytes[2 * at + 1] = (byte) last[i];
		}
		return bytes;
	}

	private static int @Nullable [] groups(String text) {
		if (text.isEmpty()) {
			return new int[0];
		}
		String[] parts = text.split(":", -1);
		int[] groups = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			Integer value = number(parts[i], 16, 4);
			if (value == null) {
				return null;
			}
			groups[i] = value;
		}
		return groups;
	}

	private static @Nullable Integer number(String text, int radix, int maxDigits) {
		if (text.isEmpty() || text.length() > maxDigits) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			if (Character.digit(text.charAt(i), radix) < 0) {
				return null;
			}
		}
		return Integer.parseInt(text, radix);
	}

}
