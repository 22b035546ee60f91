package dev.flowgate.delivery.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/** Only the gateway may call the API: it proves itself with the shared internal token. */
class InternalTokenInterceptor implements HandlerInterceptor {

	private final byte[] expected;

	InternalTokenInterceptor(String internalToken) {
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
