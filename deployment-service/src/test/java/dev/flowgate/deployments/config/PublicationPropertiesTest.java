package dev.flowgate.deployments.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PublicationPropertiesTest {

	@Test
	void republishesEvery5SecondsAndSweepsEvery5MinutesByDefault() {
		PublicationProperties properties = bind(Map.of());

		assertThat(properties.republishInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.sweepInterval()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void takesTheIntervalsUnderTheirPropertyNames() {
		PublicationProperties properties = bind(Map.of("flowgate.publication.republish-interval", "200ms",
				"flowgate.publication.sweep-interval", "1m"));

		assertThat(properties.republishInterval()).isEqualTo(Duration.ofMillis(200));
		assertThat(properties.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void refusesANonPositiveRepublishInterval() {
		assertRefused("flowgate.publication.republish-interval", "0s");
		assertRefused("flowgate.publication.republish-interval", "-5s");
	}

	@Test
	void refusesANonPositiveSweepInterval() {
		assertRefused("flowgate.publication.sweep-interval", "0s");
		assertRefused("flowgate.publication.sweep-interval", "-5m");
	}

	private static void assertRefused(String property, String value) {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of(property, value)))
			.havingRootCause()
			.withMessageStartingWith(property + " must be a duration longer than zero");
	}

	private static PublicationProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("flowgate.publication",
				PublicationProperties.class);
	}

}
