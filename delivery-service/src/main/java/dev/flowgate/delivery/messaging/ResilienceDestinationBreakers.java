package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.flowgate.delivery.domain.callback.DestinationBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.stereotype.Component;

/**
 * A resilience4j circuit breaker per destination, all sharing the configuration named
 * {@value #CONFIG} ({@code resilience4j.circuitbreaker.configs.destination}).
 */
@Component
class ResilienceDestinationBreakers implements DestinationBreakers {

	static final String CONFIG = "destination";

	private static final int FIRST_OPENING = 1;

	private final CircuitBreakerRegistry registry;

	ResilienceDestinationBreakers(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean tryAcquire(String destination) {
		return breaker(destination).tryAcquirePermission();
	}

	@Override
	public Duration retryDelay(String destination) {
		long millis = breaker(destination).getCircuitBreakerConfig()
			.getWaitIntervalFunctionInOpenState()
			.apply(FIRST_OPENING);
		return Duration.ofMillis(millis);
	}

	@Override
	public void succeeded(String destination, Duration latency) {
		breaker(destination).onSuccess(latency.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void failed(String destination, Duration latency) {
		breaker(destination).onError(latency.toNanos(), TimeUnit.NANOSECONDS, new DestinationFailure(destination));
	}

	@Override
	public void released(String destination) {
		breaker(destination).releasePermission();
	}

	private CircuitBreaker breaker(String destination) {
		return this.registry.circuitBreaker(destination, CONFIG);
	}

	/** What the breaker records as the error; the attempt log has the details. */
	static final class DestinationFailure extends RuntimeException {

		DestinationFailure(String destination) {
			super("Delivery to " + destination + " failed", null, false, false);
		}

	}

}
