package dev.flowgate.delivery.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.delivery.domain.callback.DestinationBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * A resilience4j circuit breaker per destination, all sharing the configuration named
 * {@value #CONFIG} ({@code resilience4j.circuitbreaker.configs.destination}).
 */
@Component
class ResilienceDestinationBreakers implements DestinationBreakers, SchedulingConfigurer {

	static final String CONFIG = "destination";

	private static final int FIRST_OPENING = 1;

	private final CircuitBreakerRegistry registry;

	private final Map<String, Instant> lastCalled = new ConcurrentHashMap<>();

	private final Duration idleAfter;

	private final Clock clock;

	ResilienceDestinationBreakers(CircuitBreakerRegistry registry, DeliveryProperties properties, Clock clock) {
		this.registry = registry;
		this.idleAfter = properties.callback().breakerIdleAfter();
		this.clock = clock;
	}

	/** Looks for idle breakers as often as one may become idle. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::forgetIdle, this.idleAfter);
	}

	/**
	 * Forgets the closed breakers of destinations not called for a while, with their
	 * meters: callers' own callback URLs can name any number of origins. An open or
	 * half-open one stays until it closes.
	 */
	void forgetIdle() {
		Instant idleSince = this.clock.instant().minus(this.idleAfter);
		this.lastCalled.forEach((destination, calledAt) -> {
			boolean closed = this.registry.find(destination)
				.map((breaker) -> breaker.getState() == CircuitBreaker.State.CLOSED)
				.orElse(true);
			if (calledAt.isBefore(idleSince) && closed && this.lastCalled.remove(destination, calledAt)) {
				this.registry.remove(destination);
			}
		});
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
		this.lastCalled.put(destination, this.clock.instant());
		return this.registry.circuitBreaker(destination, CONFIG);
	}

	/** What the breaker records as the error; the attempt log has the details. */
	static final class DestinationFailure extends RuntimeException {

		DestinationFailure(String destination) {
			super("Delivery to " + destination + " failed", null, false, false);
		}

	}

}
