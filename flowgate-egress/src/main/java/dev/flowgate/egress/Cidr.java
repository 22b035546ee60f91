package dev.flowgate.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
public final class Cidr {

	private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private final byte[] network;

	private final int prefixLength;

	private Cidr(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parses {@code address/prefix}; a bare address is a single host. Only literals are
	 * accepted, so parsing never looks a name up.
	 * @throws IllegalArgumentException when the text is not a CIDR block
	 */
	public static Cidr parse(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		String address = (slash < 0) ? trimmed : trimmed.substring(0, slash);
		if (!address.contains(":") && !DOTTED_QUAD.matcher(address).matches()) {
			throw new IllegalArgumentException("Not a CIDR block: '" + text + "'");
		}
		byte[] bytes = literal(address, text);
		int bits = bytes.length * Byte.SIZE;
		int prefix = (slash < 0) ? bits : prefixOf(trimmed.substring(slash + 1), bits, text);
		return new Cidr(bytes, prefix);
	}

	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / Byte.SIZE;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % Byte.SIZE;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (Byte.SIZE - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Cidr cidr && cidr.prefixLength == this.prefixLength
				&& Arrays.equals(cidr.network, this.network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefixLength;
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefixLength;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] literal(String address, String text) {
		try {
			// A literal (checked above) is parsed, never resolved.
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not a CIDR block: '" + text + "'", ex);
		}
	}

	private static int prefixOf(String digits, int bits, String text) {
		try {
			int prefix = Integer.parseInt(digits);
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("Prefix out of range in '" + text + "'");
			}
			return prefix;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a CIDR block: '" + text + "'", ex);
		}
	}

}
