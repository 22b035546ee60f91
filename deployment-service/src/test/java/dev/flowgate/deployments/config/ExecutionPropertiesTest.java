package dev.flowgate.deployments.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExecutionPropertiesTest {

	@Test
	void sweepsPastRetentionHourlyByDefault() {
		assertThat(bind(Map.of()).sweepInterval()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void takesTheSweepIntervalUnderItsPropertyName() {
		assertThat(bind(Map.of("flowgate.executions.sweep-interval", "10m")).sweepInterval())
			.isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void refusesANonPositiveSweepInterval() {
		assertRefused("0s");
		assertRefused("-1h");
	}

	private static void assertRefused(String value) {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("flowgate.executions.sweep-interval", value)))
			.havingRootCause()
			.withMessageStartingWith("flowgate.executions.sweep-interval must be a duration longer than zero");
	}

	private static ExecutionProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("flowgate.executions",
				ExecutionProperties.class);
	}

}
