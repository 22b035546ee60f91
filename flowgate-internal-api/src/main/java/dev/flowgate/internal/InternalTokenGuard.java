package dev.flowgate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Only the gateway may call the API: it proves itself with the shared internal token.
 * Runs before the body is read, so the caller is checked before its input.
 */
final class InternalTokenGuard implements HandlerInterceptor {

	private final byte[] expected;

	InternalTokenGuard(String internalToken) {
		this.expected = (internalToken != null) ? internalToken.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String presented = request.getHeader(InternalHeaders.TOKEN);
		// A blank configured token must not let a blank header in.
		if (this.expected.length == 0 || presented == null
				|| !MessageDigest.isEqual(this.expected, presented.getBytes(StandardCharsets.UTF_8))) {
			throw new UntrustedCallerException();
		}
		return true;
	}

}
