package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;
import dev.flowgate.deployments.domain.execution.ReplayQueue;
import dev.flowgate.deployments.domain.execution.ReplayTriggers;
import dev.flowgate.deployments.persistence.ReplayOutbox;

/**
 * Saves a replay as awaiting publication, then publishes its trigger; what is not
 * acknowledged stays in the outbox for {@link ReplayRepublisher}.
 */
@Component
class ReplayPublisher implements ReplayQueue {

	private static final Logger log = LoggerFactory.getLogger(ReplayPublisher.class);

	private final ReplayOutbox outbox;

	private final KafkaTemplate<String, Object> kafka;

	private final PublicationProperties properties;

	private final Clock clock;

	ReplayPublisher(ReplayOutbox outbox, KafkaTemplate<String, Object> kafka, PublicationProperties properties,
			Clock clock) {
		this.outbox = outbox;
		this.kafka = kafka;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void enqueue(ExecutionRecord replay) {
		this.outbox.insert(replay, this.clock.instant().plus(this.properties.lease()));
		publish(replay);
	}

	void publish(ExecutionRecord replay) {
		try {
			this.kafka.send(Topics.EXECUTIONS_REQUESTED.name(), replay.id(), ReplayTriggers.of(replay))
				.get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			this.outbox.markPublished(replay.id());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			// Whatever kept Kafka from acknowledging, the outbox keeps the record for
			// later.
			log.warn("Replay {} not published yet, will retry: {}", replay.id(), ex.toString());
		}
	}

}
