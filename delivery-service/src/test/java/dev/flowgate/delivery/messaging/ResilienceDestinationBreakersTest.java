package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.infra.test.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** One breaker per origin called, kept while it is used or open. */
class ResilienceDestinationBreakersTest {

	private static final Duration IDLE_AFTER = Duration.ofHours(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final CircuitBreakerRegistry registry = CircuitBreakerRegistry
		.of(Map.of(ResilienceDestinationBreakers.CONFIG,
				CircuitBreakerConfig.custom().minimumNumberOfCalls(1).slidingWindowSize(1).build()));

	private final ResilienceDestinationBreakers breakers = new ResilienceDestinationBreakers(this.registry,
			properties(), this.clock);

	@Test
	void forgetsTheClosedBreakersOfDestinationsNotCalledForAWhile() {
		this.breakers.tryAcquire("https://once.example:443");
		this.breakers.succeeded("https://once.example:443", Duration.ofMillis(5));
		this.clock.advance(IDLE_AFTER.minusMinutes(1));
		this.breakers.tryAcquire("https://often.example:443");

		this.clock.advance(Duration.ofMinutes(2));
		this.breakers.forgetIdle();

		assertThat(this.registry.find("https://once.example:443")).isEmpty();
		assertThat(this.registry.find("https://often.example:443")).isPresent();
	}

	@Test
	void keepsAnOpenBreakerHowEverLongAgoItWasCalled() {
		this.breakers.tryAcquire("https://down.example:443");
		this.breakers.failed("https://down.example:443", Duration.ofMillis(5));
		assertThat(this.breakers.tryAcquire("https://down.example:443")).isFalse();

		this.clock.advance(IDLE_AFTER.plusMinutes(1));
		this.breakers.forgetIdle();

		assertThat(this.registry.find("https://down.example:443")).isPresent();
	}

	private static DeliveryProperties properties() {
		Map<String, String> source = new HashMap<>();
		source.put("flowgate.delivery.callback.breaker-idle-after", IDLE_AFTER.toString());
		return new Binder(new MapConfigurationPropertySource(source))
			.bind("flowgate.delivery", DeliveryProperties.class)
			.get();
	}

}
