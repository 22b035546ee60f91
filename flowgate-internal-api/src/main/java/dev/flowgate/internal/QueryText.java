package dev.flowgate.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A name or value of a query string, decoded strictly: {@link java.net.URLDecoder} would
 * take escapes that are not UTF-8 as U+FFFD, and the servlet container fails reading
 * parameters with a broken escape or one that is no UTF-8. The gateway refuses such a
 * query before forwarding it, and each service behind it again ({@link QueryGuard}).
 */
public final class QueryText {

	private QueryText() {
	}

	/**
	 * The names of a query string's parameters, decoded, in order.
	 * @throws Malformed naming the first parameter whose name or value does not decode
	 * (by its name as sent if that does not)
	 */
	public static List<String> parameterNames(String query) {
		List<String> names = new ArrayList<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			try {
				name = decode(name);
				if (equals >= 0) {
					decode(pair.substring(equals + 1));
				}
			}
			catch (Malformed ex) {
				throw new Malformed(name, ex.getMessage());
			}
			names.add(name);
		}
		return names;
	}

	/**
	 * {@code +} as a space and each {@code %XX} escape as a byte, the bytes as UTF-8.
	 * @throws Malformed when an escape is broken or the bytes are not UTF-8
	 */
	public static String decode(String text) {
		if (text.indexOf('%') < 0) {
			return text.replace('+', ' ');
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		int plain = 0;
		for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', plain)) {
			bytes.writeBytes(text.substring(plain, i).replace('+', ' ').getBytes(StandardCharsets.UTF_8));
			if (i + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(i + 1))
					|| !HexFormat.isHexDigit(text.charAt(i + 2))) {
				throw new Malformed("'%' must start an escape of two hex digits");
			}
			bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
			plain = i + 3;
		}
		bytes.writeBytes(text.substring(plain).replace('+', ' ').getBytes(StandardCharsets.UTF_8));
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Malformed("%-escapes must encode UTF-8 text");
		}
	}

	/** Text that does not decode; the message says why, for the caller. */
	public static final class Malformed extends IllegalArgumentException {

		private final String parameter;

		Malformed(String reason) {
			this(null, reason);
		}

		Malformed(String parameter, String reason) {
			super(reason);
			this.parameter = parameter;
		}

		/** The parameter that does not decode, where a query's was. */
		public String parameter() {
			return this.parameter;
		}

	}

}
