package dev.flowgate.delivery.config;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schedules' intervals: application.yml's defaults, and what an operator sets over
 * them.
 */
class DeliveryPropertiesTest {

	@Test
	void pollsEverySecondRepublishesFailuresEvery30SecondsAndSweepsHourlyByDefault() {
		DeliveryProperties properties = bind(Map.of());

		assertThat(properties.dispatch().pollInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.dispatch().failureRepublishInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.retention().sweepInterval()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.callback().breakerIdleAfter()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void takesTheIntervalsUnderTheirPropertyNames() {
		DeliveryProperties properties = bind(Map.of("flowgate.delivery.dispatch.poll-interval", "50ms",
				"flowgate.delivery.dispatch.failure-republish-interval", "1s",
				"flowgate.delivery.retention.sweep-interval", "10m", "flowgate.delivery.callback.breaker-idle-after",
				"2h"));

		assertThat(properties.dispatch().pollInterval()).isEqualTo(Duration.ofMillis(50));
		assertThat(properties.dispatch().failureRepublishInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.retention().sweepInterval()).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.callback().breakerIdleAfter()).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void refusesANonPositivePollInterval() {
		assertRefused("flowgate.delivery.dispatch.poll-interval");
	}

	@Test
	void refusesANonPositiveFailureRepublishInterval() {
		assertRefused("flowgate.delivery.dispatch.failure-republish-interval");
	}

	@Test
	void refusesANonPositiveRetentionSweepInterval() {
		assertRefused("flowgate.delivery.retention.sweep-interval");
	}

	@Test
	void refusesANonPositiveBreakerIdleAfter() {
		assertRefused("flowgate.delivery.callback.breaker-idle-after");
	}

	private static void assertRefused(String property) {
		for (String value : List.of("0s", "-1s")) {
			assertThatExceptionOfType(BindException.class).as(value)
				.isThrownBy(() -> bind(Map.of(property, value)))
				.havingRootCause()
				.withMessageStartingWith(property + " must be a duration longer than zero");
		}
	}

	/** application.yml, with the given properties set over it. */
	private static DeliveryProperties bind(Map<String, Object> set) {
		List<PropertySource<?>> sources = new ArrayList<>();
		sources.add(new MapPropertySource("set", set));
		try {
			sources
				.addAll(new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
			.bind("flowgate.delivery", DeliveryProperties.class)
			.get();
	}

}
