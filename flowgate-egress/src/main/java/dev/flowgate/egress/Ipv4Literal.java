package dev.flowgate.egress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * IPv4 addresses in every form URL parsers and {@code inet_aton} accept ({@code 127.1},
 * {@code 0x7f.0.0.1}, {@code 0177.0.0.1}, {@code 2130706433}), parsed as the WHATWG URL
 * standard does: a host whose last label is a number is an address, never a name.
 */
final class Ipv4Literal {

	private static final int MAX_PARTS = 4;

	private static final int BYTE_VALUES = 256;

	private static final int HEX = 16;

	private static final int OCTAL = 8;

	private static final int DECIMAL = 10;

	private Ipv4Literal() {
	}

	/** Whether the host must be read as an IPv4 address. */
	static boolean isNumeric(String host) {
		List<String> parts = parts(host);
		if (parts.isEmpty()) {
			return false;
		}
		String last = parts.get(parts.size() - 1);
		return !last.isEmpty() && (last.chars().allMatch((c) -> isDigit(c, DECIMAL)) || isHexNumber(last));
	}

	/**
	 * @throws UnknownHostException when a numeric host is not a valid address
	 */
	static Inet4Address parse(String host) throws UnknownHostException {
		List<String> parts = parts(host);
		if (parts.size() > MAX_PARTS) {
			throw invalid(host);
		}
		long[] numbers = new long[parts.size()];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = number(parts.get(i), host);
		}
		long value = 0;
		for (int i = 0; i < numbers.length - 1; i++) {
			if (numbers[i] >= BYTE_VALUES) {
				throw invalid(host);
			}
			value = value * BYTE_VALUES + numbers[i];
		}
		int remainingBytes = MAX_PARTS - (numbers.length - 1);
		long last = numbers[numbers.length - 1];
		if (last >= (1L << (Byte.SIZE * remainingBytes))) {
			throw invalid(host);
		}
		value = (value << (Byte.SIZE * remainingBytes)) | last;
		byte[] bytes = { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
		return (Inet4Address) InetAddress.getByAddress(host, bytes);
	}

	private static List<String> parts(String host) {
		List<String> parts = new ArrayList<>(Arrays.asList(host.split("\\.", -1)));
		// One trailing dot is allowed, as in a fully qualified name.
		if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
			parts.remove(parts.size() - 1);
		}
		return parts;
	}

	private static long number(String part, String host) throws UnknownHostException {
		String lower = part.toLowerCase(Locale.ROOT);
		int radix = DECIMAL;
		String digits = lower;
		if (lower.startsWith("0x")) {
			radix = HEX;
			digits = lower.substring(2);
		}
		else if (lower.length() > 1 && lower.startsWith("0")) {
			radix = OCTAL;
			digits = lower.substring(1);
		}
		if (digits.isEmpty()) {
			if (part.isEmpty()) {
				throw invalid(host);
			}
			return 0;
		}
		int base = radix;
		if (!digits.chars().allMatch((c) -> isDigit(c, base))) {
			throw invalid(host);
		}
		try {
			return Long.parseLong(digits, radix);
		}
		catch (NumberFormatException ex) {
			// Too many digits: far beyond any address.
			throw invalid(host);
		}
	}

	private static boolean isHexNumber(String part) {
		String lower = part.toLowerCase(Locale.ROOT);
		return lower.startsWith("0x") && lower.substring(2).chars().allMatch((c) -> isDigit(c, HEX));
	}

	/** ASCII only: {@link Character#digit} also accepts other scripts' digits. */
	private static boolean isDigit(int c, int radix) {
		return c < Byte.MAX_VALUE && Character.digit(c, radix) >= 0;
	}

	private static UnknownHostException invalid(String host) {
		return new UnknownHostException("'" + host + "' is not a valid IPv4 address");
	}

}
