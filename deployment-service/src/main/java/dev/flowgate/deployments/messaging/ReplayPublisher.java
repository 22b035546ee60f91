package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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
 * when Kafka refused it, once the lease has run out when it may still land. A trigger is
 * sent only while its claim outlasts the producer's longest send: a claim that took too
 * long to take is left to run out, so that no second trigger for the replay lands after
 * another publisher's.
 */
@Component
class ReplayPublisher implements ReplayQueue {

	private static final Logger log = LoggerFactory.getLogger(ReplayPublisher.class);

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
		Instant claimedUntil = this.clock.instant().plus(this.properties.lease());
		this.outbox.insert(replay, claimedUntil);
		try {
			publish(replay, claimedUntil);
		}
		catch (DataAccessException ex) {
			// Stored, so the caller must hear so (a retry would run it twice): the
			// republisher sends it once the claim runs out.
			log.warn("Replay {} is stored but not yet published: {}", replay.id(), ex.getMessage());
		}
	}

	@Override
	public void landed(String executionId) {
		this.outbox.markPublished(executionId);
	}

	void publish(ExecutionRecord replay, Instant claimedUntil) {
		if (!this.sends.endsBefore(claimedUntil, this.clock.instant())) {
			return;
		}
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
