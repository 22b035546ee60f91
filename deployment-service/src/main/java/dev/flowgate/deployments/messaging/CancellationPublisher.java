package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.domain.execution.CancellationQueue;
import dev.flowgate.deployments.persistence.CancellationOutbox;

/**
 * Stores a cancel request in the outbox, records it on its execution, then publishes it
 * on the triggers' topic, keyed by the execution so that it lands behind its trigger;
 * what is not acknowledged stays in the outbox for {@link CancellationRepublisher}.
 */
@Component
class CancellationPublisher implements CancellationQueue {

	private static final Logger log = LoggerFactory.getLogger(CancellationPublisher.class);

	private final CancellationOutbox outbox;

	private final KafkaTemplate<String, Object> kafka;

	private final PublicationProperties properties;

	private final Clock clock;

	CancellationPublisher(CancellationOutbox outbox, KafkaTemplate<String, Object> kafka,
			PublicationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.kafka = kafka;
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
		try {
			this.kafka.send(Topics.EXECUTIONS_REQUESTED.name(), request.executionId(), request)
				.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			this.outbox.remove(request.executionId());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			// Whatever kept Kafka from acknowledging, the outbox keeps the request.
			log.warn("Cancel request for execution {} not published yet, will retry: {}", request.executionId(),
					ex.toString());
		}
		return standing;
	}

}
