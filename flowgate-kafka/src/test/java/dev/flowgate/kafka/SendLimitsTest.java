package dev.flowgate.kafka;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendLimitsTest {

	@Test
	void addsBlockingForMetadataToDelivering() {
		assertThat(SendLimits.longestSend(Map.of("max.block.ms", "5000", "delivery.timeout.ms", 30000)))
			.isEqualTo(Duration.ofSeconds(35));
	}

	@Test
	void takesKafkasDefaultsForWhatIsNotSet() {
		assertThat(SendLimits.longestSend(Map.of())).isEqualTo(Duration.ofMinutes(3));
	}

}
