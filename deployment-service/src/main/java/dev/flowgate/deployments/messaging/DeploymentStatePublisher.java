package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.domain.deployment.DeploymentPublication;
import dev.flowgate.deployments.persistence.DeploymentOutbox;
import dev.flowgate.deployments.persistence.DeploymentOutbox.PendingState;

/**
 * Sends a deployment's stored state (or its tombstone) to the compacted deployments topic
 * and records the acknowledged version. It loops until nothing is left, so a change saved
 * while a send was in flight goes out right after it.
 */
@Component
class DeploymentStatePublisher implements DeploymentPublication {

	private static final Logger log = LoggerFactory.getLogger(DeploymentStatePublisher.class);

	private final DeploymentOutbox outbox;

	private final KafkaTemplate<String, Object> kafka;

	private final PublicationProperties properties;

	private final Clock clock;

	DeploymentStatePublisher(DeploymentOutbox outbox, KafkaTemplate<String, Object> kafka,
			PublicationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.kafka = kafka;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void publish(String deploymentId) {
		Optional<PendingState> claimed;
		while ((claimed = this.outbox.claim(deploymentId, this.clock.instant(), this.properties.lease())).isPresent()) {
			PendingState state = claimed.get();
			if (!send(state)) {
				this.outbox.release(state);
				return;
			}
			this.outbox.markPublished(state);
		}
	}

	private boolean send(PendingState state) {
		Object value = state.deleted() ? null : DeploymentEvents.stateChanged(state.deployment(), this.clock.instant());
		try {
			this.kafka.send(Topics.DEPLOYMENTS.name(), state.deploymentId(), value)
				.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			// Whatever kept Kafka from acknowledging, the outbox keeps the record for
			// later.
			log.warn("Deployment {} version {} not published yet, will retry: {}", state.deploymentId(),
					state.version(), ex.toString());
			return false;
		}
	}

}
