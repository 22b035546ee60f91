package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.domain.execution.CancellationQueue;
import dev.flowgate.deployments.persistence.CancellationOutbox;
import dev.flowgate.deployments.persistence.ReplayOutbox;

/**
 * Stores a cancel request in the outbox, records it on its execution, then publishes it
 * on the triggers' topic, keyed by the execution so that it lands behind its trigger (a
 * replay's once that is published); what is not acknowledged stays in the outbox for
 * {@link TriggerTopicRepublisher}.
 */
@Component
class CancellationPublisher implements CancellationQueue {

	private final CancellationOutbox outbox;

	private final ReplayOutbox replays;

	private final AcknowledgedSends sends;

	private final PublicationProperties properties;

	private final Clock clock;

	CancellationPublisher(CancellationOutbox outbox, ReplayOutbox replays, AcknowledgedSends sends,
			PublicationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.replays = replays;
		this.sends = sends;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Instant enqueue(ExecutionCancellationRequested request) {
		if (!this.outbox.insert(request, this.clock.instant().plus(this.properties.lease()))) {
			// Another request for this execution is on its way: that one stands.
			return this.outbox.requestedAt(request.executionId()).orElse(request.occurredAt());
		}
		return publish(request);
	}

	/**
	 * Records the stored request on its execution and sends it, unless an earlier request
	 * stands (that one was sent).
	 * @return when the request that stands was made
	 */
	Instant publish(ExecutionCancellationRequested request) {
		Instant standing = this.outbox.recordRequested(request.executionId(), request.occurredAt());
		if (!standing.equals(request.occurredAt())) {
			this.outbox.remove(request.executionId());
			return standing;
		}
		if (this.replays.awaitsPublication(request.executionId())) {
			// A replay's trigger not on Kafka yet: the request sent now would land
			// before it. Tried again in a later round, behind the replay.
			putOff(request);
			return standing;
		}
		switch (this.sends.send(Topics.EXECUTIONS_REQUESTED.name(), request.executionId(), request,
				"Cancel request for execution " + request.executionId())) {
			case ACKNOWLEDGED -> this.outbox.remove(request.executionId());
			case FAILED -> putOff(request);
			// Claimed until the lease ends: a repeat is harmless, but not needed.
			case IN_DOUBT -> {
			}
		}
		return standing;
	}

	private void putOff(ExecutionCancellationRequested request) {
		this.outbox.putOff(request.executionId(), this.clock.instant().plus(this.properties.republishInterval()));
	}

}
