package dev.flowgate.delivery.domain.callback;

import java.time.Duration;

/** One circuit breaker per destination: a failing host is left alone for a while. */
public interface DestinationBreakers {

	/**
	 * Whether an attempt may go ahead; when it does, exactly one of {@link #succeeded},
	 * {@link #failed} or {@link #released} must follow.
	 */
	boolean tryAcquire(String destination);

	/** How long to put off a delivery the breaker refused. */
	Duration retryDelay(String destination);

	/** The destination answered; its health is fine whatever it said. */
	void succeeded(String destination, Duration latency);

	/** The destination failed: no answer, a timeout, a 5xx, 408 or 429. */
	void failed(String destination, Duration latency);

	/** Nothing reached the destination; the attempt does not count. */
	void released(String destination);

}
