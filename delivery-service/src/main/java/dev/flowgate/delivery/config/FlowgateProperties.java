package dev.flowgate.delivery.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every Flowgate service shares.
 *
 * @param internalToken the secret the gateway sends with every call; blank rejects all
 * @param consumerRetry redelivery of a failed record before it goes to the dead letters
 */
@ConfigurationProperties("flowgate")
public record FlowgateProperties(String internalToken, ConsumerRetry consumerRetry) {

	/**
	 * @param attempts deliveries of a record, the first included
	 * @param interval pause between them
	 */
	public record ConsumerRetry(int attempts, Duration interval) {
	}

}
