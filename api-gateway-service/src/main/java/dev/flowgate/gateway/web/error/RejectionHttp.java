package dev.flowgate.gateway.web.error;

import java.time.Duration;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.web.RateLimitHeaders;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The HTTP status and headers of a {@link Rejection}, the same for every API shape. */
public final class RejectionHttp {

	private static final long MILLIS_PER_SECOND = 1000;

	private RejectionHttp() {
	}

	public static HttpStatus status(Rejection rejection) {
		return switch (rejection.reason()) {
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN, DEPLOYMENT_DISABLED -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case BAD_REQUEST, INVALID_INPUT -> HttpStatus.BAD_REQUEST;
			case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
			case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			case IDEMPOTENCY_MISMATCH -> HttpStatus.UNPROCESSABLE_CONTENT;
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case UPSTREAM_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
			case UPSTREAM_REFUSED -> HttpStatus.BAD_GATEWAY;
		};
	}

	public static HttpHeaders headers(Rejection rejection) {
		HttpHeaders headers = new HttpHeaders();
		if (rejection.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(rejection.retryAfter())));
		}
		headers.addAll(RateLimitHeaders.of(rejection.quotas()));
		if (status(rejection) == HttpStatus.UNAUTHORIZED) {
			// RFC 9110: a 401 names a scheme that works; every route takes a Bearer key.
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return headers;
	}

	/** Whole seconds, rounded up and at least one, as {@code Retry-After} wants. */
	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + MILLIS_PER_SECOND - 1) / MILLIS_PER_SECOND);
	}

}
