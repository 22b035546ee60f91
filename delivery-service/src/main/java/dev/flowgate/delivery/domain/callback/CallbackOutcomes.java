package dev.flowgate.delivery.domain.callback;

import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import dev.flowgate.delivery.domain.callback.HttpPoster.PostResponse;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;
import dev.flowgate.egress.TargetRefusedException;

/**
 * What a callback's response (or failure) means: 2xx delivered; 410 stops; a refused
 * address stops; timeouts and 429 are throttling; everything else, 3xx included, is
 * retried. A refused name is retried as a name that does not resolve is, in the same
 * words: the owner sees the outcome, and must not learn which internal names exist.
 */
final class CallbackOutcomes {

	static final int GONE = 410;

	private static final int TOO_MANY_REQUESTS = 429;

	private static final int REQUEST_TIMEOUT = 408;

	private static final int SERVER_ERROR = 500;

	private static final int SUCCESS_CLASS = 2;

	private static final int REDIRECT_CLASS = 3;

	private static final int CLASS_DIVISOR = 100;

	private CallbackOutcomes() {
	}

	static AttemptOutcome of(PostResponse response, Throwable failure, Instant startedAt, Duration latency) {
		if (failure != null) {
			return failed(rootOf(failure), startedAt, latency);
		}
		int status = response.statusCode();
		Verdict verdict;
		String error;
		if (status / CLASS_DIVISOR == SUCCESS_CLASS) {
			verdict = Verdict.DELIVERED;
			error = null;
		}
		else if (status == GONE) {
			verdict = Verdict.PERMANENT;
			error = "HTTP 410 Gone";
		}
		else {
			verdict = (status == TOO_MANY_REQUESTS) ? Verdict.THROTTLED : Verdict.RETRYABLE;
			error = (status / CLASS_DIVISOR == REDIRECT_CLASS) ? "HTTP " + status + ": redirects are not followed"
					: "HTTP " + status;
		}
		return new AttemptOutcome(verdict, startedAt, latency, status, error, response.snippet(),
				RetryAfter.parse(response.retryAfter(), startedAt.plus(latency)));
	}

	/** Whether the outcome says the destination itself is unwell (for its breaker). */
	static boolean isUnhealthy(AttemptOutcome outcome) {
		Integer status = outcome.statusCode();
		return switch (outcome.verdict()) {
			case THROTTLED -> true;
			case RETRYABLE -> status == null || status >= SERVER_ERROR || status == REQUEST_TIMEOUT;
			default -> false;
		};
	}

	/**
	 * Whether the poster could not start the attempt (too many host lookups waiting):
	 * nothing was tried, so nothing is counted.
	 */
	static boolean notStarted(Throwable failure) {
		return failure != null && rootOf(failure) instanceof RejectedExecutionException;
	}

	/** Whether nothing reached the destination (refused before connecting). */
	static boolean isRefused(AttemptOutcome outcome) {
		return outcome.verdict() == Verdict.PERMANENT && outcome.statusCode() == null;
	}

	/** Why a name was refused, for operators' logs only; empty for any other failure. */
	static Optional<String> refusedNameReason(Throwable failure) {
		return (failure != null && rootOf(failure) instanceof TargetRefusedException refused && refused.isName())
				? Optional.of(refused.reason()) : Optional.empty();
	}

	private static AttemptOutcome failed(Throwable cause, Instant startedAt, Duration latency) {
		if (cause instanceof TargetRefusedException refused && !refused.isName()) {
			return new AttemptOutcome(Verdict.PERMANENT, startedAt, latency, null,
					"Refused: " + cause.getMessage() + "; not retried", null, null);
		}
		if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
			return new AttemptOutcome(Verdict.THROTTLED, startedAt, latency, null, "Timed out: " + cause.getMessage(),
					null, null);
		}
		String detail = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return new AttemptOutcome(Verdict.RETRYABLE, startedAt, latency, null, "Request failed: " + detail, null, null);
	}

	/**
	 * The first cause that says what happened, past wrappers such as CompletionException;
	 * a failed lookup's own cause is the resolver's, for operators.
	 */
	private static Throwable rootOf(Throwable failure) {
		Throwable current = failure;
		while (current.getCause() != null && !(current instanceof UnknownHostException)
				&& !(current instanceof TimeoutException) && !(current instanceof InterruptedIOException)) {
			current = current.getCause();
		}
		return current;
	}

}
