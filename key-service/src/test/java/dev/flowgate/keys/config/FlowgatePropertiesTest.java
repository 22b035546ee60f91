package dev.flowgate.keys.config;

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
 * The outbox's intervals: application.yml's defaults, and what an operator sets over
 * them.
 */
class FlowgatePropertiesTest {

	@Test
	void relaysEveryHalfSecondAndSweepsEvery5MinutesByDefault() {
		FlowgateProperties.Outbox outbox = bind(Map.of()).outbox();

		assertThat(outbox.relayInterval()).isEqualTo(Duration.ofMillis(500));
		assertThat(outbox.sweepInterval()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void takesTheIntervalsUnderTheirPropertyNames() {
		FlowgateProperties.Outbox outbox = bind(
				Map.of("flowgate.outbox.relay-interval", "200ms", "flowgate.outbox.sweep-interval", "1m"))
			.outbox();

		assertThat(outbox.relayInterval()).isEqualTo(Duration.ofMillis(200));
		assertThat(outbox.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void refusesANonPositiveRelayInterval() {
		assertRefused("flowgate.outbox.relay-interval");
	}

	@Test
	void refusesANonPositiveSweepInterval() {
		assertRefused("flowgate.outbox.sweep-interval");
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
	private static FlowgateProperties bind(Map<String, Object> set) {
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
			.bind("flowgate", FlowgateProperties.class)
			.get();
	}

}
