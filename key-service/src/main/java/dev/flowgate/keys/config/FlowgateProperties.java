package dev.flowgate.keys.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * key-service settings.
 *
 * @param outbox publication of key state
 * @param lastUsed tracking of a key's last use
 * @param deploymentService where a key's deployments are checked when it is made
 * @param keys what an owner may have
 */
@ConfigurationProperties("flowgate")
public record FlowgateProperties(Outbox outbox, LastUsed lastUsed, DeploymentService deploymentService, Keys keys) {

	/**
	 * @param perOwner the most keys an owner may have, active or not; every gateway holds
	 * every key in memory
	 * @param selfRotationGrace the grace period of a rotation made with the very key
	 * being rotated that asks for none, so that an answer lost on the way does not lock
	 * its owner out; one asked for (0 included) is honoured
	 */
	public record Keys(int perOwner, Duration selfRotationGrace) {
	}

	/**
	 * @param relayInterval pause between rounds of the republisher
	 * @param sweepInterval how often keys changed by a replica that does not flag its
	 * writes (the version before, during a rolling upgrade) are flagged for the
	 * republisher; the first time one interval after start
	 * @param ackTimeout how long a publisher waits for the broker's acknowledgement
	 * @param claimDuration how long one publisher holds a key; must exceed the producer's
	 * {@code max.block.ms} + {@code delivery.timeout.ms}, so a send in doubt has ended
	 * before anyone sends the key again
	 * @param batchSize keys per round of the republisher
	 * @param republishAllOnStart whether to publish every key again once started: after
	 * Kafka lost the topic, which the republisher alone would never refill
	 */
	public record Outbox(Duration relayInterval, Duration sweepInterval, Duration ackTimeout, Duration claimDuration,
			int batchSize, boolean republishAllOnStart) {

		public Outbox {
			requirePositive(relayInterval, "flowgate.outbox.relay-interval");
			requirePositive(sweepInterval, "flowgate.outbox.sweep-interval");
		}

	}

	/**
	 * @param resolution a key's last use is written only when the stored one is older
	 */
	public record LastUsed(Duration resolution) {
	}

	/**
	 * @param url deployment-service's base URL
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 * @param retryAfter what a 503 tells the caller when deployment-service cannot answer
	 */
	public record DeploymentService(URI url, Duration connectTimeout, Duration readTimeout, Duration retryAfter) {
	}

	// A scheduler refuses a pause of zero or less: said here, at start, with the name.
	private static void requirePositive(Duration interval, String property) {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(property + " must be a duration longer than zero, not " + interval);
		}
	}

}
