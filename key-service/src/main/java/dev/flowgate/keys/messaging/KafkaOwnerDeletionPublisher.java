package dev.flowgate.keys.messaging;

import java.time.Duration;
import java.util.UUID;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.OwnerDeleted;
import dev.flowgate.contracts.Topics;
import dev.flowgate.kafka.Acknowledgement;
import dev.flowgate.kafka.SendOutcome;
import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.owner.OwnerDeletion;
import dev.flowgate.keys.domain.owner.OwnerDeletionPublisher;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Announces a deleted owner on the compacted owner topic and waits for the broker. */
@Component
class KafkaOwnerDeletionPublisher implements OwnerDeletionPublisher {

	private final KafkaTemplate<String, FlowgateEvent> kafka;

	private final Duration ackTimeout;

	KafkaOwnerDeletionPublisher(KafkaTemplate<String, FlowgateEvent> kafka, FlowgateProperties properties) {
		this.kafka = kafka;
		this.ackTimeout = properties.outbox().ackTimeout();
	}

	@Override
	public boolean announce(OwnerDeletion deletion) {
		OwnerDeleted event = new OwnerDeleted(UUID.randomUUID(), OwnerDeleted.SCHEMA_VERSION, deletion.deletedAt(),
				deletion.ownerId());
		// One event per owner and erasing is idempotent: a send in doubt is simply sent
		// again.
		return Acknowledgement.await(() -> this.kafka.send(Topics.OWNERS.name(), deletion.ownerId(), event),
				this.ackTimeout, "Deletion of owner " + deletion.ownerId()) == SendOutcome.ACKNOWLEDGED;
	}

}
