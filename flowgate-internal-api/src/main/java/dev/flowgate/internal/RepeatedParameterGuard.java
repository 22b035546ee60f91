package dev.flowgate.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query parameter given more than once: each the API takes holds one value, and
 * Spring would bind the first of a number's and join a text's with a comma, so the call
 * would run on a value the caller did not send.
 */
final class RepeatedParameterGuard implements HandlerInterceptor {

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
			String name = decoded((equals < 0) ? pair : pair.substring(0, equals));
			if (!name.isEmpty() && !seen.add(name)) {
				throw new RepeatedParameterException(name);
			}
		}
		return true;
	}

	/** As sent where it is no valid escape: the controller answers for that. */
	private static String decoded(String name) {
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

	/** A query parameter given more than once: a 400 naming it. */
	static final class RepeatedParameterException extends RuntimeException {

		private final String parameter;

		RepeatedParameterException(String parameter) {
			super(parameter + " is given more than once", null, false, false);
			this.parameter = parameter;
		}

		String parameter() {
			return this.parameter;
		}

	}

}
