package dev.flowgate.gateway.web;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells every caller the trace id of its request ({@value #HEADER}), the id each
 * service's log lines about that request carry. Runs inside Spring's observation filter,
 * which starts the request's span.
 */
@Component
@Order(TraceIdHeader.ORDER)
class TraceIdHeader extends OncePerRequestFilter {

	static final String HEADER = "X-Trace-Id";

	// Right after ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1).
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final Tracer tracer;

	TraceIdHeader(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Span span = this.tracer.currentSpan();
		if (span != null) {
			response.setHeader(HEADER, span.context().traceId());
		}
		chain.doFilter(request, response);
	}

}
