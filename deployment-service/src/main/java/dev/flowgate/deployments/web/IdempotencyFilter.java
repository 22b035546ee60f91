package dev.flowgate.deployments.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.flowgate.deployments.domain.idempotency.IdempotencyKey;
import dev.flowgate.deployments.domain.idempotency.IdempotencyRecord;
import dev.flowgate.deployments.domain.idempotency.IdempotentRequests;
import dev.flowgate.deployments.domain.idempotency.StoredAnswer;

/**
 * For a {@code POST} or {@code PUT} with an {@code Idempotency-Key}: keeps the request's
 * body for {@link IdempotencyInterceptor}, which decides on {@link Idempotent} routes
 * (after the internal token is checked), and keeps the answer of a request it let
 * through. Other requests pass untouched.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	/** The request's body, read before it is handled. */
	static final String BODY = IdempotencyFilter.class.getName() + ".body";

	/** The {@link IdempotencyRecord} of a request let through. */
	static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

	/** The answer's headers a repeat gets again. */
	static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	// Those of the Idempotent routes; which route it is, the interceptor learns.
	private static final Set<String> METHODS = Set.of("POST", "PUT");

	private final IdempotentRequests requests;

	IdempotencyFilter(IdempotentRequests requests) {
		this.requests = requests;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(IdempotencyKey.HEADER) == null || !METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BufferedRequest buffered = new BufferedRequest(request);
		buffered.setAttribute(BODY, buffered.body());
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(buffered, captured);
			keep(buffered, captured);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			release(buffered);
			throw ex;
		}
		finally {
			captured.copyBodyToResponse();
		}
	}

	private void keep(HttpServletRequest request, ContentCachingResponseWrapper response) {
		if (request.getAttribute(CLAIM) instanceof IdempotencyRecord claim) {
			try {
				this.requests.complete(claim, answer(response));
			}
			catch (RuntimeException ex) {
				// The answer still goes out; a repeat runs again once the claim counts as
				// abandoned.
				log.warn("Could not keep the answer for an Idempotency-Key: {}", ex.getMessage());
			}
		}
	}

	private void release(HttpServletRequest request) {
		if (request.getAttribute(CLAIM) instanceof IdempotencyRecord claim) {
			this.requests.release(claim);
		}
	}

	private static StoredAnswer answer(ContentCachingResponseWrapper response) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : KEPT_HEADERS) {
			String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		return new StoredAnswer(response.getStatus(), headers, response.getContentAsByteArray());
	}

}
