package dev.flowgate.deployments.messaging;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;
import dev.flowgate.deployments.domain.execution.ReplayQueue;
import dev.flowgate.deployments.domain.execution.ReplayTriggers;
import dev.flowgate.deployments.persistence.ReplayOutbox;

/**
 * Saves a replay as awaiting publication, then publishes its trigger; what is not
 * acknowledged stays in the outbox for {@link TriggerTopicRepublisher}: at its next round
 * when Kafka refused it, once the lease has run out when it may still land.
 */
@Component
class ReplayPublisher implements ReplayQueue {

	private final ReplayOutbox outbox;

	private final AcknowledgedSends sends;

	private final PublicationProperties properties;

	private final Clock clock;

	ReplayPublisher(ReplayOutbox outbox, AcknowledgedSends sends, PublicationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.sends = sends;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void enqueue(ExecutionRecord replay) {
		this.outbox.insert(replay, this.clock.instant().plus(this.properties.lease()));
		publish(replay);
	}

	@Override
	public void landed(String executionId) {
		this.outbox.markPublished(executionId);
	}

	void publish(ExecutionRecord replay) {
		switch (this.sends.send(Topics.EXECUTIONS_REQUESTED.name(), replay.id(), ReplayTriggers.of(replay),
				"Replay " + replay.id())) {
			case ACKNOWLEDGED -> this.outbox.markPublished(replay.id());
			case FAILED ->
				this.outbox.putOff(replay.id(), this.clock.instant().plus(this.properties.republishInterval()));
			// Claimed until the lease ends, past the producer's own limit: sent again
			// sooner, it could run twice.
			case IN_DOUBT -> {
			}
		}
	}

}
