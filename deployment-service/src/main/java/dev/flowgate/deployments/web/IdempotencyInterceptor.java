package dev.flowgate.deployments.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.flowgate.deployments.domain.idempotency.Attempt;
import dev.flowgate.deployments.domain.idempotency.IdempotencyKey;
import dev.flowgate.deployments.domain.idempotency.IdempotentRequests;
import dev.flowgate.deployments.domain.idempotency.RequestFingerprint;
import dev.flowgate.deployments.domain.idempotency.StoredAnswer;
import dev.flowgate.internal.InternalHeaders;

/**
 * Decides about a request whose body {@link IdempotencyFilter} kept, on an
 * {@link Idempotent} route: once the internal token is checked (an interceptor after the
 * token guard), so that only the gateway's calls, for the owner it names, see a kept
 * answer. A repeat is answered here; a mismatch, a repeat in progress or an invalid key
 * is an exception the error advice answers.
 */
class IdempotencyInterceptor implements HandlerInterceptor {

	static final String REPLAYED = "Idempotent-Replayed";

	private final IdempotentRequests requests;

	private final CanonicalBody canonical;

	IdempotencyInterceptor(IdempotentRequests requests, CanonicalBody canonical) {
		this.requests = requests;
		this.canonical = canonical;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		byte[] body = (byte[]) request.getAttribute(IdempotencyFilter.BODY);
		String ownerId = request.getHeader(InternalHeaders.OWNER_ID);
		boolean idempotent = handler instanceof HandlerMethod method && method.hasMethodAnnotation(Idempotent.class);
		if (body == null || ownerId == null || !idempotent) {
			return true;
		}
		IdempotencyKey id = IdempotencyKey.of(ownerId, request.getHeader(IdempotencyKey.HEADER));
		Attempt attempt = this.requests.begin(id,
				RequestFingerprint.of(request.getMethod(), request.getRequestURI(), this.canonical.of(body)));
		if (attempt instanceof Attempt.Replay replay) {
			replay(replay.answer(), response);
			return false;
		}
		request.setAttribute(IdempotencyFilter.CLAIM, ((Attempt.Proceed) attempt).claim());
		return true;
	}

	private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		answer.headers().forEach(response::setHeader);
		response.setHeader(REPLAYED, "true");
		response.getOutputStream().write(answer.body());
	}

}
