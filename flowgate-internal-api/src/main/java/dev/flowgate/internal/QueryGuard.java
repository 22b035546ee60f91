package dev.flowgate.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query the API would misread. A parameter given more than once: each the API
 * takes holds one value, and Spring would bind the first of a number's and join a text's
 * with a comma, so the call would run on a value the caller did not send. A name or value
 * that is not percent-encoded UTF-8 ({@code %zz}, {@code %C0%AF}): the servlet container
 * would fail reading the parameters, a 500.
 */
final class QueryGuard implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String query = request.getQueryString();
		if (query == null) {
			return true;
		}
		// The query alone: the servlet's parameters would read a form body too.
		Set<String> seen = new HashSet<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String name = decoded(rawName)
				.orElseThrow(() -> new InvalidQueryException(rawName, "is not percent-encoded UTF-8"));
			if (equals >= 0 && decoded(pair.substring(equals + 1)).isEmpty()) {
				throw new InvalidQueryException(name, "is not percent-encoded UTF-8");
			}
			if (!name.isEmpty() && !seen.add(name)) {
				throw new InvalidQueryException(name, "is given more than once");
			}
		}
		return true;
	}

	/** Empty where an escape is malformed or the bytes are no UTF-8. */
	static Optional<String> decoded(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(i + 1))
						|| !HexFormat.isHexDigit(text.charAt(i + 2))) {
					return Optional.empty();
				}
				bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
				i += 2;
			}
			else {
				byte[] plain = String.valueOf((c == '+') ? ' ' : c).getBytes(StandardCharsets.UTF_8);
				bytes.write(plain, 0, plain.length);
			}
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	/** A query parameter the API would misread: a 400 naming it. */
	static final class InvalidQueryException extends RuntimeException {

		private final String parameter;

		private final String problem;

		InvalidQueryException(String parameter, String problem) {
			super(parameter + " " + problem, null, false, false);
			this.parameter = parameter;
			this.problem = problem;
		}

		String parameter() {
			return this.parameter;
		}

		String problem() {
			return this.problem;
		}

	}

}
