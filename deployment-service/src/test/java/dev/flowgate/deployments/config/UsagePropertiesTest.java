package dev.flowgate.deployments.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UsagePropertiesTest {

	@Test
	void sumsUsageEvery5MinutesByDefault() {
		assertThat(bind(Map.of()).summaryInterval()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void takesTheSummaryIntervalUnderItsPropertyName() {
		assertThat(bind(Map.of("flowgate.usage.summary-interval", "1m")).summaryInterval())
			.isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void refusesANonPositiveSummaryInterval() {
		assertRefused("0s");
		assertRefused("-5m");
	}

	private static void assertRefused(String value) {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("flowgate.usage.summary-interval", value)))
			.havingRootCause()
			.withMessageStartingWith("flowgate.usage.summary-interval must be a duration longer than zero");
	}

	private static UsageProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("flowgate.usage",
				UsageProperties.class);
	}

}
