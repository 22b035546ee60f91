package dev.flowgate.gateway.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.backoff.FixedBackOff;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigTest {

	@Test
	void retriesAFailedViewRecordTwice200MillisecondsApartByDefault() {
		FixedBackOff backOff = KafkaConfig.backOff(bind(Map.of()).redelivery());

		assertThat(backOff.getInterval()).isEqualTo(200);
		assertThat(backOff.getMaxAttempts()).isEqualTo(2);
	}

	@Test
	void takesTheRedeliveryFromTheGatewaysSettings() {
		FixedBackOff backOff = KafkaConfig.backOff(
				bind(Map.of("flowgate.gateway.redelivery.attempts", "1", "flowgate.gateway.redelivery.interval", "1s"))
					.redelivery());

		assertThat(backOff.getInterval()).isEqualTo(1000);
		assertThat(backOff.getMaxAttempts()).as("the first attempt only").isZero();
	}

	private static GatewayProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("flowgate.gateway",
				GatewayProperties.class);
	}

}
