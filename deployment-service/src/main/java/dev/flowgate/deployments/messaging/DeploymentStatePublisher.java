package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.domain.deployment.DeploymentPublication;
import dev.flowgate.deployments.persistence.DeploymentOutbox;
import dev.flowgate.deployments.persistence.DeploymentOutbox.PendingState;
import dev.flowgate.kafka.SendOutcome;

/**
 * Sends a deployment's stored state (or its tombstone) to the compacted deployments topic
 * and records the acknowledged version. It loops until nothing is left, so a change saved
 * while a send was in flight goes out right after it.
 */
@Component
class DeploymentStatePublisher implements DeploymentPublication {

	private final DeploymentOutbox outbox;

	private final AcknowledgedSends sends;

	private final PublicationProperties properties;

	private final Clock clock;

	DeploymentStatePublisher(DeploymentOutbox outbox, AcknowledgedSends sends, PublicationProperties properties,
			Clock clock) {
		this.outbox = outbox;
		this.sends = sends;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void publish(String deploymentId) {
		Optional<PendingState> claimed;
		while ((claimed = this.outbox.claim(deploymentId, this.clock.instant(), this.properties.lease())).isPresent()) {
			PendingState state = claimed.get();
			if (!this.sends.endsBefore(state.leaseUntil(), this.clock.instant())) {
				// Left to run out: the republisher sends it then.
				return;
			}
			switch (send(state)) {
				case ACKNOWLEDGED -> this.outbox.markPublished(state);
				case FAILED -> {
					this.outbox.release(state);
					return;
				}
				case IN_DOUBT -> {
					// Claimed until the lease ends, past the producer's own limit:
					// a later state sent sooner could land before this one.
					return;
				}
			}
		}
	}

	private SendOutcome send(PendingState state) {
		Object value = state.deleted() ? null : DeploymentEvents.stateChanged(state.deployment(), this.clock.instant());
		return this.sends.send(Topics.DEPLOYMENTS.name(), state.deploymentId(), value,
				"Deployment %s version %d".formatted(state.deploymentId(), state.version()));
	}

}
