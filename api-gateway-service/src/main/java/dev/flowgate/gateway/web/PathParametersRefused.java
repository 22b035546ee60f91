package dev.flowgate.gateway.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A path with parameters ({@code /node/deployment-trigger/d-1;x=1/}) is a 404 on every
 * route: Spring MVC would match it as the path without them, so a proxy's rule for the
 * exact path could be got around. The management routes refuse them the same way.
 */
@Component
@Order(PathParametersRefused.ORDER)
class PathParametersRefused extends OncePerRequestFilter {

	// After the trace id (+2) and CORS (+3) filters: the refusal carries their headers.
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 4;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().indexOf(';') >= 0) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}
