package dev.flowgate.gateway.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The schedules' intervals, as operators set them (or not). */
class GatewayPropertiesTest {

	@Test
	void housekeepsEvery30SecondsAndSendsRefusedCallCountsEvery10SecondsByDefault() {
		GatewayProperties properties = bind(Map.of());

		assertThat(properties.housekeepingInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.rejections().flushInterval()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void takesTheIntervalsUnderTheirPropertyNames() {
		GatewayProperties properties = bind(Map.of("flowgate.gateway.housekeeping-interval", "1m",
				"flowgate.gateway.rejections.flush-interval", "200ms"));

		assertThat(properties.housekeepingInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.rejections().flushInterval()).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void refusesANonPositiveHousekeepingInterval() {
		assertRefused("flowgate.gateway.housekeeping-interval", "0s");
		assertRefused("flowgate.gateway.housekeeping-interval", "-30s");
	}

	@Test
	void refusesANonPositiveFlushInterval() {
		assertRefused("flowgate.gateway.rejections.flush-interval", "0s");
		assertRefused("flowgate.gateway.rejections.flush-interval", "-10s");
	}

	private static void assertRefused(String property, String value) {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of(property, value)))
			.havingRootCause()
			.withMessageStartingWith(property + " must be a duration longer than zero");
	}

	private static GatewayProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("flowgate.gateway",
				GatewayProperties.class);
	}

}
