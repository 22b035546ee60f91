package dev.flowgate.internal;

import java.util.HashSet;
import java.util.List;
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
		List<String> names;
		try {
			names = QueryText.parameterNames(query);
		}
		catch (QueryText.Malformed ex) {
			throw new InvalidQueryException(ex.parameter(), "is not valid in the query string: " + ex.getMessage());
		}
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			if (!name.isEmpty() && !seen.add(name)) {
				throw new InvalidQueryException(name, "is given more than once");
			}
		}
		return true;
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
