package dev.flowgate.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/** How long a producer's send can take, from its configuration. */
public final class SendLimits {

	private static final Duration DEFAULT_MAX_BLOCK = Duration.ofMinutes(1);

	private static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);

	private SendLimits() {
	}

	/**
	 * From the call to the last try: blocking for metadata ({@code max.block.ms}), then
	 * delivering ({@code delivery.timeout.ms}), Kafka's defaults where not set. A
	 * publisher whose claim ends sooner cannot know that its send will not land after the
	 * claim.
	 */
	public static Duration longestSend(Map<String, Object> producerConfig) {
		return Duration.ofMillis(millis(producerConfig, ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_MAX_BLOCK)
				+ millis(producerConfig, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DEFAULT_DELIVERY_TIMEOUT));
	}

	private static long millis(Map<String, Object> producerConfig, String name, Duration fallback) {
		Object value = producerConfig.get(name);
		return (value != null) ? Long.parseLong(value.toString()) : fallback.toMillis();
	}

}
