package dev.flowgate.delivery.domain.callback;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Posts a callback without blocking the caller, redirects not followed. */
public interface HttpPoster {

	/**
	 * Completes with the response, or exceptionally with a
	 * {@link dev.flowgate.egress.TargetRefusedException}, a
	 * {@link java.util.concurrent.TimeoutException}, an I/O error, or a
	 * {@link java.util.concurrent.RejectedExecutionException} when the attempt could not
	 * start (too many host lookups waiting; nothing sent).
	 */
	CompletableFuture<PostResponse> post(CallbackTarget target, Map<String, String> headers, byte[] json);

	/**
	 * Whether a post to the target is refused before any lookup: an address written in
	 * the URL that the guard refuses. Never for a name (see
	 * {@link dev.flowgate.egress.DestinationGuard#refusesLiteral}).
	 */
	default boolean refusesAtOnce(CallbackTarget target) {
		return false;
	}

	/**
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 * @param snippet the start of the body, capped, or {@code null} when empty
	 */
	record PostResponse(int statusCode, String retryAfter, String snippet) {
	}

}
